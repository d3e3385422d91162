package org.spacettx.exercise.engine;

/**
 * Who issues a command or sees an item: a user with an exercise role in a cell. The clock itself acts as
 * {@link #SYSTEM} (releases of scheduled injects).
 */
public record Actor(String user, Role role, String cell, String nation) {

    public enum Role { CONTROLLER, PLAYER, OBSERVER, SYSTEM }

    public static final Actor SYSTEM = new Actor("system", Role.SYSTEM, "control", "");

    public Actor {
        nation = nation == null ? "" : nation;
    }

    public boolean isControl() {
        return role == Role.CONTROLLER || role == Role.SYSTEM;
    }
}
