/** The registers' own table (RegistersTable): households with their sensitive fields sealed under the register key. */
package org.linli.adapters.dynamo.registers;
