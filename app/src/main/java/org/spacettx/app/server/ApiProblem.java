package org.spacettx.app.server;

import org.spacettx.exercise.text.MessageCode;

/**
 * Why the server answers a request with an error, beside the exercise's own refusals
 * ({@link org.spacettx.exercise.text.Refusal}): each problem's stable code and English wording. An error's JSON body
 * is {@code {error: the English wording, code, params, details?}}; the console words {@code code} with
 * {@code params} in its reader's language.
 */
public enum ApiProblem implements MessageCode {
    // the request itself
    NOT_FOUND("no such resource: {method} {path}"),
    METHOD_NOT_ALLOWED("method not allowed"),
    TOO_LARGE("request too large (limit {limit} bytes)"),
    INTERNAL("internal error; it has been logged"),
    DATABASE_UNAVAILABLE("the database is unavailable; try again in a few seconds"),
    NOT_ACTIVE("this server is no longer the active one; {detail}"),
    BODY_NOT_OBJECT("the request body must be a JSON object"),
    BODY_NOT_JSON("the request body is not JSON: {detail}"),
    // signing in and sessions
    SIGN_IN_NEEDS_JSON("sign in with a JSON body (Content-Type: application/json)"),
    SIGN_IN_THROTTLED("too many failed sign-ins; try again in {seconds} s"),
    SIGN_IN_BUSY("too many logins at once; try again in a few seconds"),
    SIGN_IN_WRONG("wrong username or password"),
    NO_CLIENT_CERTIFICATES("this server takes no client certificates (serve --client-ca)"),
    CERTIFICATE_REFUSED("no session: {detail}"),
    LOG_IN_FIRST("log in first"),
    CSRF("missing or wrong {header} header"),
    // rights
    WORKSPACE_FOR_PLANNERS("the planning workspace is for administrators and planners"),
    CREATE_FOR_ADMINISTRATORS("only administrators create exercises"),
    VALIDATE_FOR_PLANNERS("only administrators and planners validate scenarios"),
    MEMBERS_FOR_CONTROL("the members are for control"),
    ASSIGN_FOR_CONTROL("only control assigns members"),
    MSEL_FOR_CONTROL("the MSEL is for control"),
    MSEL_FOR_CONTROL_AND_EVALUATORS("the MSEL is for control and the evaluators"),
    ARCHIVE_FOR_CONTROL("the archive is for control"),
    EVALUATION_FOR_EVALUATORS("the evaluation is for control and the evaluators"),
    IMPORT_FOR_ADMINISTRATORS("only administrators import exercises"),
    PICTURES_FOR_CONTROL("only control (and the evaluators, where the scenario lets them see everything) looks at a delegation's picture"),
    WORKBOOK_FOR_CONTROL("only control brings injects into a running exercise"),
    FILES_FOR_CONTROL("only control attaches documents to injects"),
    FILE_NOT_WHAT_IT_SAYS("the document is not a {mediaType} file (its first bytes say otherwise)"),
    FILE_TYPE("give the document's type as Content-Type: image/png, image/jpeg or application/pdf, not '{mediaType}'"),
    FILE_ATTACHED_BY_UPLOAD("documents are attached by uploading them to POST /api/exercises/{exercise}/injects/{number}/files"),
    NO_SUCH_FILE("no document {sha256} is in your feed"),
    PEOPLE_FOR_ADMINISTRATORS("only administrators manage accounts"),
    // exercises
    NO_SUCH_EXERCISE("no such exercise: {exercise}"),
    EXERCISE_OUT_OF_SERVICE("exercise {exercise} is out of service: this server could not load it ({reason})"),
    EXERCISE_ID("an exercise id is lower-case letters, digits and dashes"),
    EXERCISE_EXISTS("an exercise with id '{exercise}' already exists"),
    SCENARIO_ERRORS("the scenario has {count} errors"),
    SCENARIO_LIMIT("{detail}"),
    COMPUTATION_CANCELLED("{detail}"),
    COMPUTATION_NOT_DONE("{detail}"),
    NO_VALIDATION_RUNNING("you have no validation running"),
    VALIDATE_BODY("the body is {document: the scenario as a tree}"),
    NO_SUCH_USER("no user '{user}'"),
    MEMBER_CELL("no cell '{cell}'"),
    MEMBER_ROLE("role is controller, player or observer"),
    ROLE_NOT_IN_CELL("a {role} cannot sit in cell {cell}"),
    LANGUAGE("lang: '{lang}' is not en or ko"),
    REPORT_FORMAT("format: '{format}' is not html, pdf or json"),
    ARCHIVE_INVALID("{detail}"),
    ARCHIVE_SCENARIO_ERRORS("the archive's scenario has {count} errors: {first}"),
    IMPORT_CONFLICT("{detail}"),
    REPLAY_SEQ("seq: an event number from 0 to {last}"),
    PICTURE_CELL("cell: the id of a delegation"),
    AUDIENCE("audience: 'room' or nothing"),
    CZML_STEP("step: seconds, a whole number"),
    CZML_STEP_RANGE("step: from 10 to 600 seconds"),
    CZML_INVALID("{detail}"),
    TIME_FORMAT("{name}: '{value}' is not an ISO-8601 UTC time"),
    TIME_OUTSIDE("{name}: {value} is outside the scenario ({start} to {end})"),
    NOT_A_COMMAND("not a command: {detail}"),
    EMPTY_COMMAND("not a command: the body is empty or null"),
    COMMANDS_THROTTLED("too many commands at once; wait {seconds} s"),
    COMMAND_CONFLICT("another command came first; try again"),
    IDEMPOTENCY_KEY_REUSED("{detail}"),
    IDEMPOTENCY_KEY("Idempotency-Key: 1 to {max} visible ASCII characters, not '{key}'"),
    WORKBOOK_INVALID("{detail}"),
    WORKBOOK_MSEL_ERRORS("the MSEL has {count} errors"),
    WORKBOOK_CANNOT_JOIN("the workbook cannot join the running exercise"),
    WORKBOOK_CONFLICT("another command came first; try again (injects added so far: {added})"),
    WORKBOOK_INJECT_REFUSED("inject {number}: {reason}"),
    STREAM_ACCEPT("the stream is text/event-stream: send Accept: text/event-stream"),
    STREAM_PAST_END("Last-Event-ID {id} is past the exercise's last event ({last})"),
    STREAM_EVENT_ID("Last-Event-ID must be an event number (0 or more), not '{id}'"),
    // the planning workspace
    DRAFT_FROM("from is blank, template or file"),
    PUBLISH_ID("an exercise takes its draft's identifier: publish with {}, not an exercise id"),
    NOT_A_SCENARIO_FILE("{what} is not a scenario file: {detail}"),
    NO_SUCH_DRAFT("no draft '{draft}'"),
    VERSION_NUMBER("{name} is a version number"),
    NO_SUCH_VERSION("draft '{draft}' has no version {version}"),
    SAVE_BODY("a save is {base: the version edited, document: the scenario, note}"),
    DRAFT_STALE("{detail}"),
    VERSION_ERRORS("version {version} has {count} errors; fix them first"),
    CATALOG_NAME("a catalog needs a name"),
    CATALOG_UNREADABLE("no element set could be read from {name}"),
    CATALOG_UNREADABLE_BECAUSE("no element set could be read from {name}: {detail}"),
    SEARCH_TOO_SHORT("search with at least two characters"),
    // accounts
    ACCOUNT_EXISTS("{detail}"),
    ACCOUNT_INVALID("{detail}"),
    NO_SUCH_ACCOUNT("no account '{user}'"),
    NOT_YOURSELF("an administrator cannot disable or demote themselves"),
    NOTHING_TO_CHANGE("nothing to change: disabled, password, admin, planner or unlock"),
    // the action register
    REGISTER_STATUS("status: '{status}' is not open, in-progress, done or dropped"),
    REGISTER_NATION("nation: a 3-letter code"),
    REGISTER_FORMAT("format: '{format}' is not json or csv"),
    NO_SUCH_REGISTER_ENTRY("no register entry {id}"),
    REGISTER_OWNER("no delegation of nation {nation} took part in {exercise} (owners: {owners})"),
    REGISTER_INVALID("{detail}"),
    DATE_FORMAT("{name}: '{value}' is not a date (YYYY-MM-DD)");

    private final String english;

    ApiProblem(String english) {
        this.english = english;
    }

    @Override
    public String english() {
        return english;
    }
}
