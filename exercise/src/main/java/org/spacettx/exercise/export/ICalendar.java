package org.spacettx.exercise.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A minimal iCalendar (RFC 5545) writer: UTC events, escaped text, lines folded at 75 octets, CRLF endings. */
public final class ICalendar {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public record Event(String uid, Instant start, Instant end, String summary, String description) {
    }

    private final List<Event> events = new ArrayList<>();
    private final Instant stamp;

    public ICalendar(Instant stamp) {
        this.stamp = stamp;
    }

    public void add(Event event) {
        events.add(event);
    }

    public String render() {
        StringBuilder s = new StringBuilder();
        line(s, "BEGIN:VCALENDAR");
        line(s, "VERSION:2.0");
        line(s, "PRODID:-//SpaceTTX//Reconnaissance overflight warning//EN");
        line(s, "CALSCALE:GREGORIAN");
        for (Event e : events) {
            line(s, "BEGIN:VEVENT");
            line(s, "UID:" + e.uid() + "@spacettx");
            line(s, "DTSTAMP:" + STAMP.format(stamp));
            line(s, "DTSTART:" + STAMP.format(e.start()));
            line(s, "DTEND:" + STAMP.format(e.end()));
            line(s, "SUMMARY:" + escape(e.summary()));
            line(s, "DESCRIPTION:" + escape(e.description()));
            line(s, "TRANSP:TRANSPARENT");
            line(s, "END:VEVENT");
        }
        line(s, "END:VCALENDAR");
        return s.toString();
    }

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Appends a content line folded so that no line exceeds 75 octets (continuations start with a space). */
    private static void line(StringBuilder s, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int limit = 75;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80) {
                end--; // never split a UTF-8 sequence
            }
            s.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = 74;
        }
        s.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }
}
