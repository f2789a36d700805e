/**
 * Reads a SAM / CloudFormation template into a resolved model: YAML with the short-form tags,
 * parameters, conditions, Globals, intrinsic functions, pseudo parameters and dynamic references
 * ({@code {{resolve:secretsmanager:...}}}), resolved the way CloudFormation would but with local
 * physical names. {@link org.linli.local.template.TemplateReader} is the entry point,
 * {@link org.linli.local.template.TemplateModel} what it produces.
 */
package org.linli.local.template;
