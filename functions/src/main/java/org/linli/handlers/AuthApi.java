package org.linli.handlers;

import java.time.Clock;
import java.util.Set;
import java.util.regex.Pattern;
import org.linli.core.NotFound;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.identity.Login;
import org.linli.identity.UserAccount;
import org.linli.identity.UserStore;
import org.linli.json.JsonInput;
import org.linli.observability.Log;
import org.linli.views.identity.AccountViews;
import org.linli.wiring.Wiring;

/** POST /auth/wechat-login, POST /auth/refresh (both without a token), GET /me. */
public final class AuthApi extends ApiHandler {
    private static final Pattern LOGIN_CODE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final Login login;
    private final UserStore users;

    public AuthApi() {
        this(Wiring.current());
    }

    private AuthApi(Wiring w) {
        this(w.login(), w.users(), w.clock());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public AuthApi(Login login, UserStore users, Clock clock) {
        super(clock);
        this.login = login;
        this.users = users;
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("POST /auth/wechat-login", Access.PUBLIC, this::wechatLogin),
                Route.of("POST /auth/wechat-web-login", Access.PUBLIC, this::wechatWebLogin),
                Route.of("POST /auth/refresh", Access.PUBLIC, this::refresh),
                Route.of("GET /me", Access.ANY_USER.own(), this::me));
    }

    private ApiResponse wechatLogin(ApiRequest request) {
        JsonInput in = JsonInput.root(request.body(), Set.of("code"));
        String code = in.requiredMatch("code", LOGIN_CODE, "must be the code from wx.login");
        in.throwIfInvalid();
        Login.Result r = login.withWeChatCode(code);
        Log.info(r.newUser() ? "auth.first_login" : "auth.login", "userId", r.user().id());
        return ApiResponse.ok(AccountViews.tokens(r));
    }

    /** The console's QR sign-in; {@code state} was checked by the browser that sent it (it is its own, random). */
    private ApiResponse wechatWebLogin(ApiRequest request) {
        JsonInput in = JsonInput.root(request.body(), Set.of("code", "state"));
        String code = in.requiredMatch("code", LOGIN_CODE, "must be the code WeChat sent back with the sign-in");
        // the console's own random nonce (hex): anything else did not come from it
        in.optionalMatch("state", LOGIN_CODE, "must be the state the console sent to WeChat");
        in.throwIfInvalid();
        Login.Result r = login.withWeChatWebCode(code);
        Log.info("auth.web_login", "userId", r.user().id());
        return ApiResponse.ok(AccountViews.tokens(r));
    }

    private ApiResponse refresh(ApiRequest request) {
        JsonInput in = JsonInput.root(request.body(), Set.of("refreshToken"));
        String token = in.requiredString("refreshToken", 20, 200, JsonInput.TextRule.SINGLE_LINE);
        in.throwIfInvalid();
        Login.Result r = login.refresh(token);
        Log.info("auth.refresh", "userId", r.user().id());
        return ApiResponse.ok(AccountViews.tokens(r));
    }

    private ApiResponse me(ApiRequest request) {
        String id = request.principal().userId();
        UserAccount u = users.find(id).orElseThrow(() -> new NotFound("user", id));
        return ApiResponse.ok(AccountViews.account(u));
    }

}
