package fr.convergence.terrain.sync.protocol;

import java.util.List;

/**
 * Rows of one table sharing the same columns, as arrays (the column names travel once per group, not once per
 * row). Columns always start with {@code id}, {@code version}, {@code updated_by}; for a row the laptop already
 * has, only the fields changed since its cursor follow.
 */
public record TableChanges(String table, List<String> columns, List<List<Object>> rows) {

    public TableChanges {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
