package org.spacettx.exercise.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.spacettx.exercise.assess.EvaluationGuide;
import org.spacettx.exercise.engine.TriggerSchedule;
import org.spacettx.exercise.scenario.Text;

/**
 * An {@link AfterActionReport} as one self-contained, printable HTML page: styles inline, the chart drawn in CSS,
 * no script and no request to anywhere. Every text from the scenario or the players is escaped. In English,
 * Korean, or both (each text in English with the Korean beneath it). The page is also well-formed XML (XHTML
 * syntax of HTML5), which is what {@link ReportPdf} lays out: one page for the screen, the printer and the PDF.
 */
public final class ReportHtml {

    public enum Language {
        EN, KO, BOTH;

        public static Language parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "en" -> EN;
                case "ko" -> KO;
                case "both" -> BOTH;
                default -> throw new IllegalArgumentException("'" + text + "' is not en, ko or both");
            };
        }
    }

    private static final Map<String, Text> LABELS = Map.ofEntries(
            Map.entry("report", Text.of("After-action report and improvement plan", "사후 강평 보고서 및 개선 계획")),
            Map.entry("copy", Text.of("Copy for", "배포 대상")),
            Map.entry("period", Text.of("Scenario period", "시나리오 기간")),
            Map.entry("participants", Text.of("Participants", "참가 셀")),
            Map.entry("objectives", Text.of("Objectives and evaluation", "연습 목표와 평가")),
            Map.entry("objective", Text.of("Objective", "목표")),
            Map.entry("criteria", Text.of("Criteria", "평가 기준")),
            Map.entry("observations", Text.of("Observations", "관찰 기록")),
            Map.entry("spaceEvents", Text.of("Counterspace events (computed by the orbital engine)", "대우주 사건 (궤도 엔진 계산)")),
            Map.entry("event", Text.of("Event", "사건")),
            Map.entry("kind.maneuver", Text.of("manoeuvre", "기동")),
            Map.entry("kind.breakup", Text.of("breakup", "파괴")),
            Map.entry("kind.ground_jammer", Text.of("ground jammer", "지상 재밍")),
            Map.entry("kind.uplink_jammer", Text.of("uplink jammer", "상향링크 재밍")),
            Map.entry("kind.laser", Text.of("laser", "레이저")),
            Map.entry("time", Text.of("Time (UTC)", "시각 (UTC)")),
            Map.entry("object", Text.of("Object", "물체")),
            Map.entry("detail", Text.of("What happened", "내용")),
            Map.entry("noWindow", Text.of(" — never within its span", " — 기간 중 해당 없음")),
            Map.entry("knowledge", Text.of("What each delegation's own sensors saw", "각 대표단 자체 센서의 관측")),
            Map.entry("firstDetected", Text.of("First detected (UTC)", "최초 탐지 (UTC)")),
            Map.entry("custodyLost", Text.of("Custody first lost (UTC)", "최초 추적 상실 (UTC)")),
            Map.entry("never", Text.of("never", "탐지 못함")),
            Map.entry("afterInsertion", Text.of("after insertion", "(궤도 진입 후)")),
            Map.entry("afterBreakup", Text.of("after the breakup", "(파괴 후)")),
            Map.entry("offPrediction", Text.of("from the predicted position: a manoeuvre", "예측 위치에서 벗어남: 기동")),
            Map.entry("afterBurn", Text.of("after the burn", "(기동 후)")),
            Map.entry("unobserved", Text.of("unobserved for 72 h", "72시간 미관측")),
            Map.entry("shares", Text.of("Tracks shared between delegations", "대표단 간 공유된 추적 정보")),
            Map.entry("from", Text.of("From", "제공")),
            Map.entry("observation", Text.of("Observation carried (UTC, sensor)", "공유된 관측 (UTC, 센서)")),
            Map.entry("knowledgeByMove", Text.of("What each delegation knew when it answered (its last answer of each move)",
                    "각 대표단이 답변할 때의 인식 (단계별 마지막 답변 시점)")),
            Map.entry("notKnown", Text.of("In orbit, not known", "궤도상 미인지 물체")),
            Map.entry("offTruth", Text.of("Held off the truth (a manoeuvre not seen)", "실제와 다른 위치 (미관측 기동)")),
            Map.entry("rating", Text.of("Rating", "평가")),
            Map.entry("evaluations", Text.of("Evaluators' ratings", "평가관 평가")),
            Map.entry("documents", Text.of("Documents", "첨부 문서")),
            Map.entry("observationMean", Text.of("Observations (mean)", "관찰 기록 (평균)")),
            Map.entry("evaluator", Text.of("Evaluator", "평가관")),
            Map.entry("strengths", Text.of("Strengths", "강점")),
            Map.entry("improvements", Text.of("Areas for improvement", "개선 필요 사항")),
            Map.entry("evaluationNotes", Text.of("Strengths and areas for improvement, by objective", "목표별 강점과 개선 필요 사항")),
            Map.entry("timeline", Text.of("Timeline of injects", "상황 전파 경과")),
            Map.entry("released", Text.of("Released (scenario time)", "전파 시각 (시나리오)")),
            Map.entry("move", Text.of("Move", "단계")),
            Map.entry("subject", Text.of("Subject", "제목")),
            Map.entry("marking", Text.of("Marking", "배포 표시")),
            Map.entry("to", Text.of("To", "수신")),
            Map.entry("acknowledged", Text.of("Acknowledged by", "수신 확인")),
            Map.entry("assessments", Text.of("Assessments by move", "단계별 평가")),
            Map.entry("unified", Text.of("Unified-understanding index", "공동 인식 지수")),
            Map.entry("round", Text.of("Round", "차수")),
            Map.entry("cell", Text.of("Cell", "셀")),
            Map.entry("answer", Text.of("Answer", "답변")),
            Map.entry("confidence", Text.of("Confidence", "확신도")),
            Map.entry("rationale", Text.of("Rationale", "근거")),
            Map.entry("divergence", Text.of("Divergence", "이견 정도")),
            Map.entry("convergence", Text.of("Convergence between rounds", "차수 간 수렴")),
            Map.entry("notRevealed", Text.of("No revealed round.", "공개된 차수가 없음.")),
            Map.entry("notMeasured", Text.of("not measured", "측정 안 함")),
            Map.entry("statement", Text.of("Joint statement", "공동 성명")),
            Map.entry("agreedBy", Text.of("Agreed by", "동의")),
            Map.entry("dissents", Text.of("Dissents", "이견")),
            Map.entry("noStatement", Text.of("No statement was drafted.", "성명 초안이 없음.")),
            Map.entry("plan", Text.of("Improvement plan: action items for the working group", "개선 계획: 실무그룹 조치 과제")),
            Map.entry("feedback", Text.of("Participant feedback", "참가자 의견")),
            Map.entry("feedback.on", Text.of("On", "대상")),
            Map.entry("feedback.exercise", Text.of("the whole exercise", "연습 전체")),
            Map.entry("feedback.anonymous", Text.of("anonymous", "익명")),
            Map.entry("feedback.responses", Text.of("responses", "응답")),
            Map.entry("feedback.statement", Text.of("Statement (1 strongly disagree – 5 strongly agree)", "문항 (1 전혀 그렇지 않다 – 5 매우 그렇다)")),
            Map.entry("feedback.mean", Text.of("Mean", "평균")),
            Map.entry("feedback.comments", Text.of("Comments", "의견")),
            Map.entry("item", Text.of("Action item", "조치 과제")),
            Map.entry("owner", Text.of("Owner", "담당")),
            Map.entry("origin", Text.of("Origin (move · inject)", "출처 (단계 · 상황)")),
            Map.entry("due", Text.of("Due", "기한")),
            Map.entry("status", Text.of("Status", "상태")),
            Map.entry("history", Text.of("History", "이력")),
            Map.entry("none", Text.of("None.", "없음.")),
            Map.entry("inject", Text.of("Inject", "상황")),
            Map.entry("points", Text.of("points", "점")),
            Map.entry("confidence.low", Text.of("low", "낮음")),
            Map.entry("confidence.moderate", Text.of("moderate", "보통")),
            Map.entry("confidence.high", Text.of("high", "높음")),
            Map.entry("observer", Text.of("Observer", "관찰관")));

    private final Language language;
    private final List<String> stylesheets;
    private final boolean paged;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private ReportHtml(Language language, List<String> stylesheets, boolean paged) {
        this.language = language;
        this.stylesheets = List.copyOf(stylesheets);
        this.paged = paged;
    }

    /** The page on its own: it uses the fonts of the machine that shows it. */
    public static String render(AfterActionReport report, Language language) {
        return render(report, language, List.of());
    }

    /**
     * The page with extra style sheets linked (the server links the Korean font it ships, so that a copy read
     * from the console shows Hangul on any machine).
     */
    public static String render(AfterActionReport report, Language language, List<String> stylesheets) {
        return new ReportHtml(language, stylesheets, false).page(report);
    }

    /** The page for a paged renderer ({@link ReportPdf}): the same page with {@link #PAGED_STYLE} added. */
    static String renderPaged(AfterActionReport report, Language language) {
        return new ReportHtml(language, List.of(), true).page(report);
    }

    private String page(AfterActionReport r) {
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(lang()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(escape(r.title().in(lang()))).append(" — ")
                .append(escape(label("report").in(lang()))).append("</title>\n");
        for (String sheet : stylesheets) {
            out.append("<link rel=\"stylesheet\" href=\"").append(escape(sheet)).append("\"/>\n");
        }
        out.append("<style>").append(STYLE).append(paged ? PAGED_STYLE : "").append("</style>\n")
                .append("</head>\n<body>\n");
        // the banner at the top and the bottom of the page; a paged renderer repeats it on every page
        out.append("<div class=\"running-banner\">").append(esc(r.banner())).append("</div>\n")
                .append("<div class=\"running-footer\"><span class=\"page-number\"></span>").append(esc(r.banner()))
                .append("</div>\n");
        banner(r.banner());
        out.append("<header>\n<h1>");
        text(r.title());
        out.append("</h1>\n<p class=\"subtitle\">");
        text(label("report"));
        out.append("</p>\n<dl>\n");
        term("copy", esc(r.reader().label()));
        term("period", esc(time(r.start()) + " – " + time(r.end())));
        StringBuilder cells = new StringBuilder();
        for (AfterActionReport.CellLine c : r.cells()) {
            cells.append(cells.isEmpty() ? "" : ", ").append(escape(c.name().in(lang())))
                    .append(c.nation().isEmpty() ? "" : " (" + escape(c.nation()) + ")");
        }
        term("participants", cells.toString());
        out.append("</dl>\n");
        if (!r.description().isEmpty()) {
            out.append("<p>");
            text(r.description());
            out.append("</p>\n");
        }
        out.append("</header>\n");

        if (!r.objectives().isEmpty()) {
            section("objectives");
            out.append("<table>\n<thead><tr>");
            headers("objective", "criteria", "observationMean", "evaluations");
            out.append("</tr></thead>\n<tbody>\n");
            for (AfterActionReport.ObjectiveResult o : r.objectives()) {
                out.append("<tr><td><b>").append(escape(o.id())).append("</b> ");
                text(o.title());
                out.append("</td><td><ul>");
                for (int i = 0; i < o.criteria().size(); i++) {
                    out.append("<li>");
                    text(o.criteria().get(i));
                    for (AfterActionReport.EvaluationLine e : o.evaluations()) {
                        int index = i;
                        EvaluationGuide.Result.of(e.criteria().get(index)).ifPresent(result -> {
                            out.append("<br/><small>");
                            text(result.words());
                            out.append(" (").append(escape(e.evaluator())).append(")</small>");
                        });
                    }
                    out.append("</li>");
                }
                out.append("</ul></td><td class=\"num\">").append(o.observations())
                        .append(Double.isNaN(o.meanRating()) ? "" : String.format(Locale.ROOT, " (%.1f, %s)", o.meanRating(), o.rating()))
                        .append("</td><td>");
                if (o.evaluations().isEmpty()) {
                    out.append("—");
                }
                for (AfterActionReport.EvaluationLine e : o.evaluations()) {
                    EvaluationGuide.Rating rating = EvaluationGuide.Rating.of(e.rating()).orElseThrow();
                    out.append("<b>").append(rating.name()).append("</b> ");
                    text(rating.meaning());
                    out.append(" (").append(escape(e.evaluator())).append(")<br/>");
                }
                out.append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
            if (r.objectives().stream().anyMatch(o -> o.evaluations().stream()
                    .anyMatch(e -> !e.strengths().isEmpty() || !e.improvements().isEmpty()))) {
                out.append("<h3>");
                text(label("evaluationNotes"));
                out.append("</h3>\n<table>\n<thead><tr>");
                headers("objective", "evaluator", "strengths", "improvements");
                out.append("</tr></thead>\n<tbody>\n");
                for (AfterActionReport.ObjectiveResult o : r.objectives()) {
                    for (AfterActionReport.EvaluationLine e : o.evaluations()) {
                        if (!e.strengths().isEmpty() || !e.improvements().isEmpty()) {
                            out.append("<tr><td>").append(esc(o.id())).append("</td><td>").append(esc(e.evaluator()))
                                    .append("</td><td>").append(esc(e.strengths())).append("</td><td>").append(esc(e.improvements()))
                                    .append("</td></tr>\n");
                        }
                    }
                }
                out.append("</tbody></table>\n");
            }
            out.append("</section>\n");
        }

        section("timeline");
        if (r.timeline().isEmpty()) {
            none();
        } else {
            out.append("<table>\n<thead><tr><th>#</th>");
            headers("released", "move", "subject", "marking", "to", "acknowledged");
            out.append("</tr></thead>\n<tbody>\n");
            for (AfterActionReport.TimelineEntry t : r.timeline()) {
                out.append("<tr><td class=\"num\">").append(t.number()).append("</td><td class=\"time\">").append(esc(time(t.released())))
                        .append("</td><td>").append(esc(t.move())).append("</td><td>");
                text(t.subject());
                if (!t.documents().isEmpty()) {
                    out.append("<br/><small>");
                    text(label("documents"));
                    out.append(": ").append(esc(String.join(", ", t.documents()))).append("</small>");
                }
                out.append("</td><td>").append(esc(t.marking())).append("</td><td>").append(esc(String.join(", ", t.recipients())))
                        .append("</td><td>").append(esc(String.join(", ", t.acknowledgedBy()))).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        out.append("</section>\n");

        section("assessments");
        unifiedChart(r.moves());
        for (AfterActionReport.MoveSection m : r.moves()) {
            out.append("<h3>").append(esc(m.id())).append(" ");
            text(m.title());
            out.append("</h3>\n<p class=\"meta\">");
            text(label("unified"));
            out.append(": <b>").append(Double.isNaN(m.unifiedUnderstanding()) ? "—"
                    : String.format(Locale.ROOT, "%.0f", m.unifiedUnderstanding())).append("</b></p>\n");
            for (AfterActionReport.QuestionSection q : m.questions()) {
                out.append("<div class=\"question\"><h4>").append(esc(q.id())).append(" ");
                text(q.text());
                out.append("</h4>\n");
                if (q.rounds().isEmpty()) {
                    out.append("<p class=\"meta\">");
                    text(label("notRevealed"));
                    out.append("</p>\n");
                }
                for (AfterActionReport.Round round : q.rounds()) {
                    out.append("<table class=\"answers\">\n<caption>");
                    text(label("round"));
                    out.append(" ").append(round.round()).append(" · ");
                    text(label("divergence"));
                    out.append(": ").append(Double.isNaN(round.divergence()) ? escape(label("notMeasured").in(lang()))
                            : String.format(Locale.ROOT, "%.0f %%", 100 * round.divergence())).append("</caption>\n<thead><tr>");
                    headers("cell", "answer", "confidence", "rationale");
                    out.append("</tr></thead>\n<tbody>\n");
                    for (AfterActionReport.AnswerLine a : round.answers()) {
                        out.append("<tr><td>").append(esc(a.cell())).append("</td><td>");
                        text(a.value());
                        out.append("</td><td>");
                        text(LABELS.getOrDefault("confidence." + a.confidence(), Text.of(a.confidence(), a.confidence())));
                        out.append("</td><td>").append(esc(a.rationale()))
                                .append("</td></tr>\n");
                    }
                    out.append("</tbody></table>\n");
                }
                if (!Double.isNaN(q.convergence())) {
                    out.append("<p class=\"meta\">");
                    text(label("convergence"));
                    out.append(String.format(Locale.ROOT, ": %+.0f ", 100 * q.convergence()));
                    text(label("points"));
                    out.append("</p>\n");
                }
                out.append("</div>\n");
            }
        }
        out.append("</section>\n");

        section("statement");
        AfterActionReport.Statement s = r.statement();
        if (s.text().isEmpty()) {
            none("noStatement");
        } else {
            out.append("<blockquote>").append(esc(s.text())).append("</blockquote>\n<dl>\n");
            term("agreedBy", esc(String.join(", ", s.agreedBy())));
            term("dissents", s.dissents().isEmpty() ? "—" : esc(String.join(" · ", s.dissents())));
            out.append("</dl>\n");
        }
        out.append("</section>\n");

        if (!r.observations().isEmpty()) {
            section("observations");
            out.append("<table>\n<thead><tr>");
            headers("objective", "inject", "rating", "observations", "observer");
            out.append("</tr></thead>\n<tbody>\n");
            for (AfterActionReport.ObservationLine o : r.observations()) {
                out.append("<tr><td>").append(esc(o.objective())).append("</td><td class=\"num\">")
                        .append(o.inject() == null ? "" : o.inject()).append("</td><td class=\"num\">").append(o.rating())
                        .append("</td><td>").append(esc(o.text())).append("</td><td>").append(esc(o.observer()))
                        .append("</td></tr>\n");
            }
            out.append("</tbody></table>\n</section>\n");
        }

        if (!r.spaceEvents().isEmpty()) {
            section("spaceEvents");
            out.append("<table>\n<thead><tr>");
            headers("event", "time", "object", "detail");
            out.append("</tr></thead>\n<tbody>\n");
            for (AfterActionReport.SpaceEvent e : r.spaceEvents()) {
                out.append("<tr><td>").append(esc(e.id() + " (" + LABELS.getOrDefault("kind." + e.kind(), Text.of(e.kind(), e.kind())).in(lang()) + ")"))
                        .append("</td><td>").append(esc(e.time().toString()))
                        .append("</td><td>").append(esc(e.object().in(lang()))).append("</td><td>");
                text(e.detail());
                if (!e.windows().isEmpty()) {
                    out.append("<ul class=\"windows\">");
                    for (TriggerSchedule.Bite w : e.windows()) {
                        // to the second, as a reader needs it (the schedule keeps the nanoseconds)
                        out.append("<li>").append(esc(w.start().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " – "
                                + w.end().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
                        if (!Double.isNaN(w.closestKm())) {
                            out.append(esc(String.format(Locale.ROOT, " (%.0f km, %.1f dBW)", w.closestKm(), w.jammingDbw())));
                        }
                        out.append("</li>");
                    }
                    out.append("</ul>");
                } else if (!e.kind().equals("maneuver") && !e.kind().equals("breakup") && !e.kind().equals("ground_jammer")) {
                    text(label("noWindow"));
                }
                out.append("</td></tr>\n");
            }
            out.append("</tbody></table>\n</section>\n");
        }

        if (!r.knowledge().isEmpty()) {
            section("knowledge");
            out.append("<table>\n<thead><tr>");
            headers("cell", "object", "firstDetected", "custodyLost");
            out.append("</tr></thead>\n<tbody>\n");
            for (AfterActionReport.Knowledge k : r.knowledge()) {
                out.append("<tr><td>");
                text(cellName(r, k.cell()));
                out.append("</td><td>").append(esc(k.objectName().in(lang()))).append("</td><td>");
                if (k.firstDetected() == null) {
                    text(label("never"));
                } else {
                    out.append(esc(k.firstDetected().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
                    if (k.detectedAfter() != null) {
                        out.append(" (");
                        out.append(esc(hours(k.detectedAfter()))).append(' ');
                        boolean debris = r.spaceEvents().stream().anyMatch(e -> e.kind().equals("breakup") && e.id().equals(k.object()));
                        text(label(debris ? "afterBreakup" : "afterInsertion"));
                        out.append(")");
                    }
                }
                out.append("</td><td>");
                if (k.lost() == null) {
                    out.append("—");
                } else {
                    out.append(esc(k.lost().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())).append(" (");
                    if ("maneuver".equals(k.lostReason())) {
                        out.append(esc(String.format(Locale.ROOT, "%.1f km ", k.lostOffsetKm())));
                        text(label("offPrediction"));
                        if (k.lostAfterBurn() != null) {
                            out.append(", ").append(esc(hours(k.lostAfterBurn()))).append(' ');
                            text(label("afterBurn"));
                        }
                    } else {
                        text(label("unobserved"));
                    }
                    out.append(")");
                }
                out.append("</td></tr>\n");
            }
            out.append("</tbody></table>\n</section>\n");
        }

        if (!r.shares().isEmpty()) {
            section("shares");
            out.append("<table>\n<thead><tr>");
            headers("time", "from", "to", "object", "observation", "marking");
            out.append("</tr></thead>\n<tbody>\n");
            for (AfterActionReport.ShareLine t : r.shares()) {
                out.append("<tr><td>").append(esc(t.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())).append("</td><td>");
                text(cellName(r, t.fromCell()));
                out.append("</td><td>");
                text(cellName(r, t.toCell()));
                out.append("</td><td>").append(esc(t.objectName().in(lang()))).append("</td><td>")
                        .append(esc(t.observedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())).append(", ")
                        .append(esc(t.sensor())).append("</td><td>").append(esc(t.marking())).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n</section>\n");
        }

        if (!r.knowledgeByMove().isEmpty()) {
            section("knowledgeByMove");
            out.append("<table>\n<thead><tr>");
            headers("move", "time", "unified", "cell", "notKnown", "offTruth");
            out.append("</tr></thead>\n<tbody>\n");
            for (AfterActionReport.MoveKnowledge k : r.knowledgeByMove()) {
                out.append("<tr><td>").append(esc(k.move())).append("</td><td>")
                        .append(esc(k.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())).append("</td><td class=\"num\">")
                        .append(Double.isNaN(k.unifiedUnderstanding()) ? "—" : String.format(Locale.ROOT, "%.0f", k.unifiedUnderstanding()))
                        .append("</td><td>");
                text(cellName(r, k.cell()));
                out.append("</td><td>").append(k.unknown().isEmpty() ? "—"
                        : esc(String.join(", ", k.unknown().stream().map(n -> n.in(lang())).toList()))).append("</td><td>")
                        .append(k.off().isEmpty() ? "—" : esc(String.join(", ", k.off().stream().map(g -> g.object().in(lang())
                                + String.format(Locale.ROOT, " (%.1f km)", g.offsetKm())).toList()))).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n</section>\n");
        }

        if (!r.feedback().isEmpty()) {
            section("feedback");
            for (AfterActionReport.FeedbackSummary f : r.feedback()) {
                out.append("<h3>").append(esc(f.id())).append(" · ");
                text(label("feedback.on"));
                out.append(": ");
                if (f.scope().equals("exercise")) {
                    text(label("feedback.exercise"));
                } else {
                    out.append(esc(f.scope()));
                }
                out.append(" · ").append(f.responses()).append(' ');
                text(label("feedback.responses"));
                if (f.anonymous()) {
                    out.append(" · ");
                    text(label("feedback.anonymous"));
                }
                out.append("</h3>\n<table>\n<thead><tr>");
                headers("feedback.statement");
                out.append("<th>1</th><th>2</th><th>3</th><th>4</th><th>5</th>");
                headers("feedback.mean");
                out.append("</tr></thead>\n<tbody>\n");
                for (AfterActionReport.RatingLine line : f.ratings()) {
                    out.append("<tr><td>");
                    text(line.statement());
                    out.append("</td>");
                    for (int count : line.counts()) {
                        out.append("<td class=\"num\">").append(count).append("</td>");
                    }
                    out.append("<td class=\"num\">").append(Double.isNaN(line.mean()) ? "—" : String.format(Locale.ROOT, "%.1f", line.mean()))
                            .append("</td></tr>\n");
                }
                out.append("</tbody></table>\n");
                if (!f.comments().isEmpty()) {
                    out.append("<h4>");
                    text(label("feedback.comments"));
                    out.append("</h4>\n<ul>\n");
                    for (AfterActionReport.CommentLine c : f.comments()) {
                        out.append("<li>");
                        text(c.question());
                        out.append(": ").append(esc(c.text())).append(c.cell().isEmpty() ? "" : " (" + esc(c.cell()) + ")").append("</li>\n");
                    }
                    out.append("</ul>\n");
                }
            }
            out.append("</section>\n");
        }

        section("plan");
        if (r.improvementPlan().isEmpty()) {
            none();
        } else {
            out.append("<table>\n<thead><tr><th>#</th>");
            headers("item", "origin", "owner", "due", "status", "history");
            out.append("</tr></thead>\n<tbody>\n");
            for (AfterActionReport.ActionLine a : r.improvementPlan()) {
                out.append("<tr><td>").append(esc(a.id())).append("</td><td>").append(esc(a.title())).append("</td><td>")
                        .append(esc(a.originMove())).append(a.originInject() == null ? "" : " · #" + a.originInject())
                        .append("</td><td>").append(esc(a.ownerNation())).append("</td><td class=\"time\">").append(a.due() == null ? "" : esc(a.due().toString()))
                        .append("</td><td>").append(esc(a.status())).append("</td><td>")
                        .append(esc(String.join(" · ", a.history()))).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        out.append("</section>\n");
        banner(r.banner());
        out.append("</body>\n</html>\n");
        return paged && language != Language.EN ? wholeKoreanWords(out.toString()) : out.toString();
    }

    /** A table's text node, and within it a space-delimited word holding Hangul. */
    private static final java.util.regex.Pattern TABLE = java.util.regex.Pattern.compile("<table[^>]*>.*?</table>", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern TEXT_NODE = java.util.regex.Pattern.compile(">([^<]+)<");
    private static final java.util.regex.Pattern HANGUL_WORD = java.util.regex.Pattern.compile("[^\\s]*[\\uAC00-\\uD7A3][^\\s]*");

    /**
     * The paged page with each Korean word of its tables kept on one line: the PDF renderer breaks between any two
     * Hangul syllables (it has no {@code word-break: keep-all}), which set narrow columns' headers one syllable a line.
     */
    static String wholeKoreanWords(String page) {
        return TABLE.matcher(page).replaceAll(table -> java.util.regex.Matcher.quoteReplacement(
                TEXT_NODE.matcher(table.group()).replaceAll(node -> java.util.regex.Matcher.quoteReplacement(">"
                        + HANGUL_WORD.matcher(node.group(1)).replaceAll(w -> java.util.regex.Matcher.quoteReplacement(
                                "<span class=\"kw\">" + w.group() + "</span>")) + "<"))));
    }

    /** The unified-understanding index of each move as horizontal bars (0..100), in CSS: screen, print and PDF. */
    private void unifiedChart(List<AfterActionReport.MoveSection> moves) {
        out.append("<div class=\"chart\" role=\"img\" aria-label=\"").append(escape(label("unified").in(lang())))
                .append("\">\n<p class=\"chart-title\">");
        text(label("unified"));
        out.append(" (0–100)</p>\n");
        for (AfterActionReport.MoveSection m : moves) {
            String name = m.id() + " " + m.title().in(lang());
            out.append("<div class=\"chart-row\"><span class=\"chart-label\">")
                    .append(escape(name.length() > 30 ? name.substring(0, 29) + "…" : name))
                    .append("</span><span class=\"chart-track\">");
            if (Double.isNaN(m.unifiedUnderstanding())) {
                out.append("</span><span class=\"chart-value\">—</span>");
            } else {
                double value = Math.max(0, Math.min(100, m.unifiedUnderstanding()));
                out.append(String.format(Locale.ROOT, "<span class=\"bar\" style=\"width:%.1f%%\"></span>", value))
                        .append("</span><span class=\"chart-value\">")
                        .append(String.format(Locale.ROOT, "%.0f", m.unifiedUnderstanding())).append("</span>");
            }
            out.append("</div>\n");
        }
        out.append("</div>\n");
    }

    private void banner(String banner) {
        out.append("<div class=\"banner\">").append(esc(banner)).append("</div>\n");
    }

    private void section(String key) {
        out.append("<section>\n<h2>");
        text(label(key));
        out.append("</h2>\n");
    }

    private void headers(String... keys) {
        for (String k : keys) {
            out.append("<th>");
            text(label(k));
            out.append("</th>");
        }
    }

    private void term(String key, String escapedValue) {
        out.append("<dt>");
        text(label(key));
        out.append("</dt><dd>").append(escapedValue).append("</dd>\n");
    }

    private void none() {
        none("none");
    }

    private void none(String key) {
        out.append("<p class=\"meta\">");
        text(label(key));
        out.append("</p>\n");
    }

    /** A bilingual text in the report's language; with both, the Korean follows the English when it differs. */
    private void text(Text t) {
        switch (language) {
            case EN -> out.append(escape(t.in("en")));
            case KO -> out.append(escape(t.in("ko")));
            case BOTH -> {
                out.append(escape(t.in("en")));
                if (!t.ko().isEmpty() && !t.ko().equals(t.en())) {
                    out.append("<span class=\"ko\" lang=\"ko\">").append(escape(t.ko())).append("</span>");
                }
            }
        }
    }

    /** A duration as hours and minutes: "5 h 49 min". */
    /** A cell's name in the report's cells, or its id. */
    private static Text cellName(AfterActionReport r, String id) {
        return r.cells().stream().filter(c -> c.id().equals(id)).findFirst().map(AfterActionReport.CellLine::name).orElse(Text.of(id, id));
    }

    private static String hours(java.time.Duration d) {
        return d.toHours() + " h " + d.toMinutesPart() + " min";
    }

    private String lang() {
        return language == Language.KO ? "ko" : "en";
    }

    private static Text label(String key) {
        return LABELS.get(key);
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString().replace("T", " ").replaceAll("(\\d\\d:\\d\\d:\\d\\d)(\\.\\d+)?Z$", "$1Z");
    }

    private static String esc(String s) {
        return escape(s);
    }

    /** Text for HTML element content and attribute values. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String STYLE = """
            body{font-family:"Noto Sans KR Variable","Noto Sans KR","Noto Sans CJK KR",Pretendard,"Noto Sans",Arial,sans-serif;font-size:10.5pt;color:#1b1f24;margin:0 2.2em;line-height:1.4}
            .banner{background:#1f6b33;color:#fff;text-align:center;font-weight:bold;letter-spacing:.08em;padding:.2em;margin:0 -2.2em}
            h1{font-size:18pt;margin:.8em 0 .1em}h2{font-size:13pt;border-bottom:2px solid #1f6b33;margin-top:1.4em}
            h3{font-size:11.5pt;margin:1em 0 .2em}h4{font-size:10.5pt;margin:.6em 0 .2em}
            .subtitle{font-size:12pt;margin:0 0 .6em;color:#444}.meta{color:#555;margin:.2em 0}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em}dt{font-weight:bold}dd{margin:0}
            table{border-collapse:collapse;width:100%;margin:.3em 0 .8em}th,td{border:1px solid #c9ced4;padding:.2em .4em;text-align:left;vertical-align:top}
            th{background:#eef1f4;word-break:keep-all}.kw{white-space:nowrap}td.num{text-align:right;white-space:nowrap}td.time{white-space:nowrap}caption{text-align:left;font-weight:bold;padding:.2em 0}
            ul{margin:0;padding-left:1.1em}.ko{display:block;color:#444}
            blockquote{border-left:4px solid #1f6b33;margin:.4em 0;padding:.2em .8em;background:#f4f7f4;white-space:pre-wrap}
            .chart{max-width:640px;margin:.4em 0 .8em}.chart-title{font-weight:bold;margin:.2em 0}
            .chart-row{height:1.5em;line-height:1.5em;white-space:nowrap}
            .chart-label{display:inline-block;width:34%;text-align:right;padding-right:.6em;overflow:hidden;vertical-align:top}
            .chart-track{display:inline-block;width:52%;height:1em;margin-top:.25em;background:#eef1f4;vertical-align:top}
            .bar{display:block;height:1em;background:#1f6b33;-webkit-print-color-adjust:exact;print-color-adjust:exact}
            .chart-value{display:inline-block;width:8%;padding-left:.5em;vertical-align:top}
            .running-banner,.running-footer{display:none}
            .question{page-break-inside:avoid}tr{page-break-inside:avoid}thead{display:table-header-group}
            .chart{page-break-inside:avoid}h2,h3,caption,.chart-title{page-break-after:avoid}
            @media print{body{margin:0 1cm}.banner{margin:0 -1cm;-webkit-print-color-adjust:exact;print-color-adjust:exact}section{page-break-inside:auto}h2{page-break-after:avoid}}
            @page{size:A4;margin:1.8cm 1.4cm 1.8cm 1.4cm}
            """;

    /**
     * Styles only a paged renderer applies: the banner repeated at the top and bottom of every page, the page
     * number in the bottom one. Browsers do not know running elements and keep the two banners of the page itself.
     */
    static final String PAGED_STYLE = """
            body{margin:0}.banner{display:none}
            .running-banner,.running-footer{display:block;background:#1f6b33;color:#fff;text-align:center;font-weight:bold;letter-spacing:.08em;padding:.2em}
            .running-banner{position:running(banner)}.running-footer{position:running(footer)}
            .page-number{float:right;font-weight:normal;letter-spacing:0;font-size:8pt;padding-right:.4em}
            .page-number::before{content:counter(page) " / " counter(pages)}
            dl{display:block}dt{float:left;clear:left;width:11em}dd{margin-left:12em}
            @page{@top-center{content:element(banner);width:100%}@bottom-center{content:element(footer);width:100%}}
            """;
}
