package org.linli.cases;

import java.util.List;
import java.util.Optional;
import org.linli.categories.Category;
import org.linli.territory.Level;
import org.linli.territory.Placement;

/**
 * Three-level response (三级响应): what a level cannot solve in time goes up. Community → street;
 * street → the district department responsible for the category when there is one serving the
 * place, else the district's command centre; department → the district's command centre, which
 * supervises departments. The district is the top: an overdue case there is flagged, not moved.
 */
public final class Escalation {
    private Escalation() {}

    /** Where a case goes next: a tier and the node (or department code) that holds it there. */
    public record Target(Tier tier, String node) {}

    public static Optional<Target> next(Case c, Category category, DepartmentDirectory departments) {
        return switch (c.tier()) {
            case COMMUNITY -> Optional.of(street(c));
            case STREET -> {
                if (category != null && category.department() != null) {
                    Optional<Department> d = departments.serving(c.territoryPath(), category.department());
                    if (d.isPresent()) yield Optional.of(new Target(Tier.DEPARTMENT, d.get().code()));
                }
                yield Optional.of(new Target(Tier.DISTRICT, districtNode(c)));
            }
            case DEPARTMENT -> Optional.of(new Target(Tier.DISTRICT, districtNode(c)));
            case DISTRICT -> Optional.empty();
        };
    }

    private static Target street(Case c) {
        String street = c.placement().codeAt(Level.STREET);
        return street != null ? new Target(Tier.STREET, street) : new Target(Tier.DISTRICT, districtNode(c));
    }

    /** The district (or, above it, the map's root) a case belongs to: the top of the chain. */
    public static String districtNode(Case c) {
        Placement p = c.placement();
        String d = p.codeAt(Level.DISTRICT);
        if (d == null) d = p.codeAt(Level.CITY);
        if (d == null) {
            List<String> path = c.territoryPath();
            d = path.isEmpty() ? c.tierNode() : path.get(0);
        }
        return d;
    }

    /**
     * Who chases a case that is late at its tier: the street for its communities, the district
     * for streets, departments and itself. Keys the supervisor's overdue list.
     */
    public static String supervisorNode(Case c) {
        if (c.tier() == Tier.COMMUNITY) {
            String street = c.placement().codeAt(Level.STREET);
            if (street != null) return street;
        }
        return districtNode(c);
    }
}
