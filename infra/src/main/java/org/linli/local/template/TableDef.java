package org.linli.local.template;

import java.util.List;

/**
 * An AWS::DynamoDB::Table (or AWS::Serverless::SimpleTable) with what CreateTable and
 * UpdateTimeToLive need.
 *
 * @param ttl null when there is no enabled TimeToLiveSpecification
 * @param streamViewType null when there is no StreamSpecification
 * @param throughput null for PAY_PER_REQUEST
 */
public record TableDef(String logicalId, String tableName, List<Attribute> attributes, List<Key> keySchema,
                       List<Index> globalIndexes, List<Index> localIndexes, String billingMode,
                       Throughput throughput, Ttl ttl, String streamViewType) {
    public TableDef {
        attributes = List.copyOf(attributes);
        keySchema = List.copyOf(keySchema);
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
    }

    public record Attribute(String name, String type) {}

    /** @param keyType HASH or RANGE */
    public record Key(String attributeName, String keyType) {}

    /** @param projectionType ALL, KEYS_ONLY or INCLUDE */
    public record Index(String name, List<Key> keySchema, String projectionType, List<String> nonKeyAttributes,
                        Throughput throughput) {
        public Index {
            keySchema = List.copyOf(keySchema);
            nonKeyAttributes = List.copyOf(nonKeyAttributes);
        }
    }

    public record Throughput(long readCapacityUnits, long writeCapacityUnits) {}

    public record Ttl(String attributeName) {}
}
