package fr.convergence.terrain.sync.protocol;

/** A row that left the device's scope (its participant moved worksite): the laptop removes its copy. */
public record RowExit(String table, String rowId) {
}
