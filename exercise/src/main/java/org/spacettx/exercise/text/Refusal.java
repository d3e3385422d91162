package org.spacettx.exercise.text;

/**
 * Why the exercise refuses a command: each refusal's stable code and English wording (see {@link MessageCode}). The
 * texts name only what the caller may know: an object, question or inject the caller's cell does not know of is
 * refused as one that does not exist.
 */
public enum Refusal implements MessageCode {
    // the command and the exercise's state
    NO_COMMAND("no command given"),
    WALL_TIME_BEFORE_LAST("wall time {wall} is before the last event ({last})"),
    ALREADY_STARTED("the exercise has already started"),
    NOT_STARTED("the exercise has not started yet"),
    ENDED("the exercise has ended"),
    CLOCK_RUNNING("the clock is already running"),
    CLOCK_NOT_RUNNING("the clock is not running"),
    SPEED_RANGE("speed must be more than 0 and at most {max}"),
    JUMP_BACK_UNCONFIRMED("move {move} starts at {time}, before the clock's {now}: going back keeps every inject released since; confirm it to jump back"),
    PAUSE_AT_TIME("a pause lies after the clock's time ({now}) and no later than the scenario's end ({end})"),
    NO_INJECT_AHEAD("no inject is due at a time ahead of the clock; release the others by hand"),
    FILE_NAME("a file name has 1 to {max} characters and no folder: '{name}'"),
    FILE_KIND("an inject carries PNG or JPEG images and PDF documents, not {mediaType}"),
    FILE_SIZE("a document is at most {max} bytes; this one has {bytes}"),
    FILE_TOO_MANY("inject {number} carries {max} documents already"),
    FILE_ALREADY_ATTACHED("inject {number} carries this document already (as {name})"),
    // who may do what
    CONTROL_ONLY("only control can do that"),
    PLAYERS_ONLY("only a delegation's players can do that"),
    ROLE_NOT_FOR_CELL("a {role} cannot act for cell {cell}"),
    NATION_NOT_CELL("nation {nation} does not match cell {cell}"),
    // what does not exist (for the caller)
    NO_SUCH_MOVE("move '{move}' does not exist"),
    NO_SUCH_CELL("cell '{cell}' does not exist"),
    NO_SUCH_INJECT("inject {number} does not exist"),
    NO_SUCH_OBJECT("object '{object}' does not exist"),
    NO_SUCH_QUESTION("question '{question}' does not exist"),
    NO_SUCH_RFI("RFI '{rfi}' does not exist"),
    NO_SUCH_OBJECTIVE("objective '{objective}' does not exist"),
    NO_SUCH_ACTION_ITEM("action item '{item}' does not exist"),
    NO_SUCH_FEEDBACK_REQUEST("there is no feedback request {request}"),
    // texts
    TEXT_EMPTY("the {field} is empty"),
    TEXT_TOO_LONG("the {field} is longer than {max} characters"),
    // markings
    MARKING_CONTROL_ONLY("the marking {marking} is for control's own papers, not for this"),
    MARKING_STRANGERS("the marking {marking} names {nations}, which takes no part in this exercise; the markings allowed: {allowed}"),
    MARKING_NOT_RELEASABLE_TO_CELL("the marking {marking} is not releasable to {nation}, the nation of {cell}"),
    MARKING_NOT_RELEASABLE_TO_OWN("the marking {marking} is not releasable to your own nation"),
    // injects
    INJECT_ALREADY_RELEASED("inject {number} is already released"),
    INJECT_NOT_RELEASED("inject {number} is not released"),
    INJECT_NOT_IN_FEED("inject {number} is not in your feed"),
    INJECT_ALREADY_ACKNOWLEDGED("your cell has already acknowledged inject {number}"),
    INJECT_NEEDS_CELLS("an inject goes to at least one cell"),
    INJECT_NEEDS_MARKING("an inject needs a releasability marking"),
    INJECT_TO_DELEGATIONS("injects go to delegations, not to {cell}"),
    INJECT_CHANNEL("channel is one of {channels}"),
    INJECT_NEEDS_SUBJECT("an inject needs a subject"),
    INJECT_RELEASE_NOW_OR_AT("release now or at a time, not both"),
    INJECT_RELEASE_TIME("a release time lies between now and the scenario's end"),
    INJECT_NUMBER("an inject number is a positive whole number"),
    INJECT_EXISTS("inject {number} exists already"),
    // messages, tracks, RFIs
    OBSERVERS_SEND_NO_MESSAGES("observers record observations, not messages"),
    MESSAGE_TO_OTHER_CELL("a message goes to another cell"),
    MESSAGE_NEEDS_MARKING("a message needs a releasability marking"),
    MESSAGE_MARKING_BARS_CELL("a message marked {marking} cannot go to {cell} ({nation})"),
    TRACK_TO_OTHER_DELEGATION("a track is shared with another delegation"),
    TRACK_MARKING("a shared track needs a marking releasable to your nation and to {nation}"),
    TRACK_NO_SENSORS("your cell has no sensors of its own to share a track from"),
    TRACK_NOT_OBSERVED("your sensors have not observed {object} by now"),
    RFI_MARKING("an RFI needs a marking releasable to your nation"),
    // assessments
    ROUND_REVEALED("round {round} of {question} is already revealed"),
    NOBODY_ANSWERED("nobody has answered round {round} of {question} yet"),
    REVEAL_FIRST("reveal round {round} of {question} first"),
    CONFIDENCE_MISSING("give a confidence: low, moderate or high"),
    ANSWER_MISSING("no answer given"),
    ANSWER_PROBABILITY("a probability answer is a number from 0 to 100"),
    ANSWER_SCALE("a scale answer is a whole number from 1 to 5"),
    ANSWER_NUMBER("the answer is a number in {unit}"),
    ANSWER_OPTION("the answer is one of the options {options}"),
    ANSWER_OPTIONS("the answer is a set of the options {options}"),
    ANSWER_TEXT("the answer is a text of 1 to {max} characters"),
    // observations and feedback
    OBSERVATIONS_BY_EVALUATORS("only observers and control record observations"),
    RATING_RANGE("a rating is a whole number from 1 to 5"),
    EVALUATIONS_BY_EVALUATORS("only observers and control evaluate objectives"),
    OBSERVATION_RATING("an observation's rating is 4 (P, performed without challenges), 3 (S, with some challenges), 2 (M, with major challenges) or 1 (U, unable to be performed)"),
    EVALUATION_RATING("an objective's rating is P, S, M or U, not '{rating}'"),
    EVALUATION_CRITERIA("objective {objective} has {count} criteria: give one result for each, in order, not {given}"),
    CRITERION_RESULT("criterion {number}'s result is one of {results}, not '{result}'"),
    FEEDBACK_SCOPE("feedback is asked on a move or on the exercise"),
    FEEDBACK_NOT_FROM_ROOM("the room's screen gives no feedback"),
    FEEDBACK_TOKEN("feedback to an anonymous request needs the server's token for its giver"),
    FEEDBACK_ALREADY_GIVEN("you have already given your feedback on {request}"),
    FEEDBACK_NO_STATEMENT("the form has no statement '{statement}'"),
    FEEDBACK_NO_QUESTION("the form has no question '{question}'"),
    FEEDBACK_EMPTY("the feedback is empty"),
    // action items
    OBSERVERS_OWN_NO_ITEMS("observers do not own action items"),
    OWNER_CODE("the owner is a 3-letter nation code"),
    OWNER_NOT_TAKING_PART("no delegation of nation {nation} takes part (owners: {owners})"),
    ITEM_NOT_YOURS("only control or the {owner} delegation may change this item"),
    ITEM_FOR_OWN_NATION("a delegation saves items for its own nation; only control gives one to {nation}"),
    ITEM_HANDED_ON_BY_CONTROL("only control hands an item to another nation"),
    ITEM_STATUS("status is one of {statuses}"),
    ITEM_DUE("a due date is from {earliest} to {years} years ahead, not {due}"),
    // the joint statement
    NO_DRAFT_STATEMENT("there is no draft statement yet"),
    ALREADY_AGREED("your cell has already agreed"),
    // the room's screen
    PRESENT_KIND("the room shows an inject, a question, the map, the globe, or clear"),
    PRESENT_INJECT_HIDDEN("inject {number} is not released to every delegation under a marking releasable to all: the room cannot see it"),
    PRESENT_NOTHING_REVEALED("question {question} has no revealed answers to show");

    private final String english;

    Refusal(String english) {
        this.english = english;
    }

    @Override
    public String english() {
        return english;
    }

    /** The texts a command carries, named by {@link #TEXT_EMPTY} and {@link #TEXT_TOO_LONG} (their {@code field}). */
    public enum Field {
        SUBJECT, TEXT, EXPECTED_ACTION, REASON, MESSAGE, QUESTION, ANSWER, RATIONALE, OBSERVATION, TITLE, STATEMENT, DISSENT,
        COMMENT, STRENGTHS("text of strengths"), IMPROVEMENTS("text of areas for improvement");

        private final String english;

        Field() {
            this.english = name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }

        Field(String english) {
            this.english = english;
        }

        /** The field's name in an English message, e.g. "expected action". */
        public String english() {
            return english;
        }

        @Override
        public String toString() {
            return english();
        }
    }
}
