package org.linli.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Set;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.identity.Principal;
import org.linli.json.Json;
import org.linli.json.JsonInput;
import org.linli.observability.Log;
import org.linli.organisations.ServiceHours;
import org.linli.views.organisations.OrganisationViews;
import org.linli.views.volunteer.VolunteerViews;
import org.linli.volunteer.grading.GradeRow;
import org.linli.volunteer.grading.GradeSheet;
import org.linli.volunteer.grading.Standings;
import org.linli.wiring.VolunteerPorts;
import org.linli.wiring.Wiring;

/**
 * Where members stand: the party organisation's assessments, the year-end grade sheet
 * (一考双评一公示: compute, adjust with a reason, publish, read), leaderboards and the star of the month.
 */
public final class GradingApi extends ApiHandler {
    private final Standings standings;
    private final ServiceHours hours;

    public GradingApi() {
        this(Wiring.current());
    }

    private GradingApi(Wiring w) {
        this(w.volunteerPorts(), w.serviceHours(), w.clock());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public GradingApi(VolunteerPorts ports, ServiceHours hours, Clock clock) {
        super(clock);
        this.hours = hours;
        this.standings = new Standings(ports.points(), ports.grades(), ports.members(), ports.communities(),
                ports.rules().grading(), clock);
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("POST /communities/{code}/assessments", Access.staff().community("code"), this::assess),
                Route.of("POST /communities/{code}/grades/{year}", Access.staff().community("code"), this::compute),
                Route.of("GET /communities/{code}/grades/{year}", Access.ANY_USER.community("code"), this::read),
                Route.of("POST /communities/{code}/grades/{year}/adjustments", Access.staff().community("code"), this::adjust),
                Route.of("POST /communities/{code}/grades/{year}/publish", Access.staff().community("code"), this::publish),
                Route.of("GET /communities/{code}/leaderboard", Access.ANY_USER.anyTerritory(), this::leaderboard),
                Route.of("GET /communities/{code}/stars/{month}", Access.ANY_USER.anyTerritory(), this::star));
    }

    private boolean staffOf(Principal me, String code) {
        return me.covers(standings.community(code).path());
    }

    private ApiResponse assess(ApiRequest r) {
        Standings.Assessment a = standings.assess(r.principal(), r.pathParam("code"), r.body());
        Log.info("grading.assessed", "memberId", a.memberId(), "year", a.year(), "requestId", r.requestId());
        ObjectNode o = Json.object().put("memberId", a.memberId()).put("name", a.memberName()).put("year", a.year())
                .put("score", a.score());
        if (a.note() != null) o.put("note", a.note());
        return ApiResponse.ok(o);
    }

    private ApiResponse compute(ApiRequest r) {
        return sheetStep(r, "computed", standings::compute);
    }

    /** A staff step on the whole sheet of {@code /communities/{code}/grades/{year}}, taking an empty body. */
    private ApiResponse sheetStep(ApiRequest r, String event, SheetStep step) {
        JsonInput.root(r.body(), Set.of()).throwIfInvalid(); // no options: send {}
        String code = r.pathParam("code");
        GradeSheet s = step.run(r.principal(), code, Standings.year(r.pathParam("year")));
        Log.info("grading." + event, "community", code, "year", s.year(), "members", s.rows().size(), "requestId", r.requestId());
        return ApiResponse.ok(VolunteerViews.grades(s, true));
    }

    private interface SheetStep {
        GradeSheet run(Principal staff, String code, int year);
    }

    private ApiResponse read(ApiRequest r) {
        String code = r.pathParam("code");
        GradeSheet s = standings.read(r.principal(), code, Standings.year(r.pathParam("year")));
        ObjectNode body = VolunteerViews.grades(s, staffOf(r.principal(), code));
        // The year-end view: the organisations' verified hours of the year, by the monthly summary's own path.
        body.set("organisations", OrganisationViews.hours(hours.of(code, String.valueOf(s.year()))));
        return ApiResponse.ok(body);
    }

    private ApiResponse adjust(ApiRequest r) {
        String code = r.pathParam("code");
        GradeRow row = standings.adjust(r.principal(), code, Standings.year(r.pathParam("year")), r.body());
        Log.info("grading.adjusted", "community", code, "memberId", row.memberId(), "grade", row.grade(), "requestId", r.requestId());
        return ApiResponse.ok(VolunteerViews.gradeRow(row, true));
    }

    private ApiResponse publish(ApiRequest r) {
        return sheetStep(r, "published", standings::publish);
    }

    private ApiResponse leaderboard(ApiRequest r) {
        String code = r.pathParam("code");
        if (r.query("month").isPresent() && r.query("year").isPresent()) {
            throw org.linli.core.ValidationFailed.of("month", "give a month or a year, not both");
        }
        String period = r.query("month").or(() -> r.query("year").map(y -> Integer.toString(Standings.year(y)))).orElse(null);
        var rows = standings.leaderboard(code, period, r.limit(10, 50));
        String shown = period != null ? period : org.linli.volunteer.VolunteerTime.month(clock.instant()).toString();
        return ApiResponse.ok(VolunteerViews.board(code, shown, rows, staffOf(r.principal(), code)));
    }

    private ApiResponse star(ApiRequest r) {
        String code = r.pathParam("code");
        YearMonth month = Standings.month(r.pathParam("month"));
        ObjectNode o = Json.object().put("community", code).put("month", month.toString()).put("final", standings.isOver(month));
        standings.star(code, month.toString()).ifPresentOrElse(
                s -> o.set("star", VolunteerViews.score(s, staffOf(r.principal(), code))), () -> o.putNull("star"));
        return ApiResponse.ok(o);
    }
}
