package org.spacettx.exercise.policy;

import org.spacettx.exercise.text.Refusal;
import org.spacettx.exercise.text.Message;
import java.util.Optional;

/**
 * Who may change a working-group action item: the one rule for an exercise's {@code SaveActionItem} and the
 * register's update route. Control (of the item's exercise) changes any item and hands it to any nation that took
 * part. A delegation's player changes only the items its nation owns, and keeps them its own: an item a delegation
 * saves anew is its own nation's, and only control gives an item to another nation.
 */
public final class Ownership {

    private Ownership() {
    }

    /**
     * Why the caller may not save the item with owner {@code newOwner}, or nothing when they may.
     *
     * @param control      whether the caller is the exercise's control (or an administrator, for the register)
     * @param callerNation the caller's delegation's nation ("" for none)
     * @param owner        the item's owner now (null for an item saved anew)
     * @param newOwner     the owner the caller gives it (null: unchanged)
     */
    public static Optional<Message> refusal(boolean control, String callerNation, String owner, String newOwner) {
        if (control) {
            return Optional.empty();
        }
        if (owner != null && !owner.equals(callerNation)) {
            return Optional.of(Refusal.ITEM_NOT_YOURS.with("owner", owner));
        }
        String kept = owner != null ? owner : callerNation;
        if (newOwner != null && !newOwner.equals(kept)) {
            return Optional.of(owner == null ? Refusal.ITEM_FOR_OWN_NATION.with("nation", newOwner)
                    : Refusal.ITEM_HANDED_ON_BY_CONTROL.with());
        }
        return Optional.empty();
    }
}
