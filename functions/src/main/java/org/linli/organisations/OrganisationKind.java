package org.linli.organisations;

/** What an organisation is to the community (the seeds' 驻区单位, 物业, 业委会/物管会, 商户, 社会组织). */
public enum OrganisationKind {
    /** 驻区单位: an agency, enterprise or institution in the community (双报到 of units). */
    UNIT,
    /** 物业服务企业: the property-management company of a compound. */
    PROPERTY_MANAGER,
    /** 业委会 / 物管会: the owners' committee (or the property-management committee standing in for it). */
    OWNERS_COMMITTEE,
    /** 商户: a shop or other business. */
    SHOP,
    /** 社区社会组织: a social organisation (公益慈善, 养老服务, 议事协调 …). */
    SOCIAL_ORGANISATION
}
