package fr.convergence.terrain.core.domain;

/** A Convergence territory (e.g. Lyon, Lille), grouping worksites under one coordinator. */
public record Territory(String id, String name, String region) {
}
