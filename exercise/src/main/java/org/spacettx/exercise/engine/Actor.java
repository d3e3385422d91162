package org.spacettx.exercise.engine;

/**
 * Who issues a command or sees an item: a user with an exercise role in a cell. The clock itself acts as
 * {@link #SYSTEM} (releases of scheduled injects).
 */
public record Actor(String user, Role role, String cell, String nation) {

    public enum Role {
        CONTROLLER, PLAYER, OBSERVER, SYSTEM,
        /** The plenary room's screen: what every delegation in the room may see, and nothing of anyone's own. */
        ROOM;

        /**
         * Whether someone of this role may sit in a cell of that kind: control in the control cell, players in a
         * delegation (blue) or the adversary (red), observers among the observers. The one place this is decided:
         * the engine checks every command with it, the server every membership.
         */
        public boolean fits(org.spacettx.exercise.scenario.Cell.Kind kind) {
            return switch (this) {
                case CONTROLLER -> kind == org.spacettx.exercise.scenario.Cell.Kind.CONTROL;
                case PLAYER -> kind == org.spacettx.exercise.scenario.Cell.Kind.BLUE || kind == org.spacettx.exercise.scenario.Cell.Kind.RED;
                case OBSERVER -> kind == org.spacettx.exercise.scenario.Cell.Kind.OBSERVER;
                case SYSTEM -> true;
                case ROOM -> false;
            };
        }
    }

    public static final Actor SYSTEM = new Actor("system", Role.SYSTEM, "control", "");

    /** Who gave anonymous feedback, as the log records it: nobody in particular. */
    public static final Actor ANONYMOUS = new Actor("anonymous", Role.PLAYER, "", "");

    /** The presenter view on the room's projector. */
    public static final Actor ROOM = new Actor("room", Role.ROOM, "", "");

    public Actor {
        nation = nation == null ? "" : nation;
    }

    public boolean isControl() {
        return role == Role.CONTROLLER || role == Role.SYSTEM;
    }
}
