package org.linli.testing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.cases.Department;
import org.linli.cases.DepartmentDirectory;

/** The department registry in a map, counting reads. */
public final class InMemoryDepartments implements DepartmentDirectory {
    private final Map<String, Department> byCode = new HashMap<>();
    public int reads;

    public InMemoryDepartments add(Department d) {
        byCode.put(d.code(), d);
        return this;
    }

    @Override
    public Map<String, Department> find(Collection<String> codes) {
        reads++;
        Map<String, Department> out = new HashMap<>();
        for (String c : codes) if (byCode.containsKey(c)) out.put(c, byCode.get(c));
        return out;
    }

    @Override
    public Optional<Department> serving(List<String> path, String kind) {
        reads++;
        return byCode.values().stream().filter(d -> d.kind().equals(kind) && path.contains(d.jurisdiction()))
                .max(java.util.Comparator.comparingInt(d -> path.indexOf(d.jurisdiction())));
    }

    @Override
    public List<Department> registry() {
        reads++;
        return byCode.values().stream().sorted(java.util.Comparator.comparing(Department::code)).toList();
    }
}
