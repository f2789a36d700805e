package org.linli.local.template;

import java.util.Map;

/** A resource as written (Globals already merged), before intrinsic functions are resolved. */
record RawResource(String logicalId, String type, String condition, Map<String, Object> properties) {}
