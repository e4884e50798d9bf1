package fr.convergence.terrain.core.domain;

import fr.convergence.terrain.core.verdict.Verdict;

/**
 * A value in minutes and what the rules say about it: the result of reading what a user typed in an hours cell.
 * {@code minutes} is meaningful only when {@code verdict.saveAllowed()}; 0 means the cell is emptied.
 */
public record HoursVerdict(int minutes, Verdict verdict) {

    public boolean saveAllowed() {
        return verdict.saveAllowed();
    }
}
