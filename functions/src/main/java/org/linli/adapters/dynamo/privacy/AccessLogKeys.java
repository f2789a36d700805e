package org.linli.adapters.dynamo.privacy;

import java.util.Map;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.core.Times;
import org.linli.privacy.AccessEntry;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key layout of the access-log table (docs/data-model.md): an entry is stored once per subject it
 * names ({@code SUBJECT#report:rpt_…} / time#id), so each subject's history is one partition; the
 * first copy alone carries the viewer index keys ({@code ByViewer}: {@code VIEWER#usr_…} / time#id).
 */
public final class AccessLogKeys {
    public static final String BY_VIEWER = "ByViewer";
    public static final String VIEWER_PK = "viewerpk";
    public static final String VIEWER_SK = "viewersk";

    private AccessLogKeys() {}

    public static String subjectPartition(String subject) {
        return "SUBJECT#" + subject;
    }

    public static String viewerPartition(String viewerId) {
        return "VIEWER#" + viewerId;
    }

    /** Time first, so that a partition reads newest first. */
    public static String sort(AccessEntry e) {
        return Times.stored(e.at()) + "#" + e.entryId();
    }

    public static Map<String, AttributeValue> key(String subject, AccessEntry e) {
        return TableKeys.key(subjectPartition(subject), sort(e));
    }
}
