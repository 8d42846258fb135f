package org.sanimap.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * Who may call what. Reading is open to anonymous visitors when {@code sanimap.security.public-read}
 * is true (the default), else it needs any signed-in user. Writing needs a role: manager for
 * construction progress (transitions, progress, ledger imports), planner for everything else that
 * writes (facilities, projects, imports, standards, siting), admin for users. The map signs in with
 * a form and a session (CSRF-protected: the page sends the {@code XSRF-TOKEN} cookie back as
 * {@code X-XSRF-TOKEN}); API clients send HTTP Basic credentials on each request (no CSRF token
 * needed). API errors are problem+json: 401 when not signed in, 403 when the role is too low.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] MANAGER_UP = {"MANAGER", "PLANNER", "ADMIN"};
    private static final String[] PLANNER_UP = {"PLANNER", "ADMIN"};
    private static final String[] VIEWER_UP = {"VIEWER", "MANAGER", "PLANNER", "ADMIN"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecuritySettings settings, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint api = (request, response, e) -> apiUnauthorized(request, response, e, json);
        AuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint("/login.html");
        http.authorizeHttpRequests(auth -> {
            auth.requestMatchers("/login", "/login.html", "/js/login.js", "/css/app.css", "/error", "/actuator/health", "/api/users/me").permitAll();
            auth.requestMatchers("/api/users", "/api/users/**").hasRole("ADMIN");
            // siting (optimisation runs and turning accepted proposals into projects)
            auth.requestMatchers(HttpMethod.POST, "/api/siting", "/api/siting/*/accept").hasAnyRole(PLANNER_UP);
            auth.requestMatchers(HttpMethod.DELETE, "/api/siting/*").hasAnyRole(PLANNER_UP);
            // construction progress
            auth.requestMatchers(HttpMethod.POST, "/api/facilities/*/transitions", "/api/transitions",
                    "/api/projects/*/progress", "/api/ledger").hasAnyRole(MANAGER_UP);
            auth.requestMatchers(HttpMethod.PUT, "/api/facilities/*/progress").hasAnyRole(MANAGER_UP);
            // every other write: planners
            for (HttpMethod write : new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
                auth.requestMatchers(write, "/**").hasAnyRole(PLANNER_UP);
            }
            if (settings.publicRead()) {
                auth.anyRequest().permitAll();
            } else {
                auth.anyRequest().hasAnyRole(VIEWER_UP);
            }
        });
        http.formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login")
                .defaultSuccessUrl("/", false).failureUrl("/login.html?error").permitAll());
        http.httpBasic(basic -> basic.authenticationEntryPoint(api));
        http.logout(logout -> logout.logoutSuccessUrl("/"));
        http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                .csrfTokenRequestHandler(new PageCsrfTokenRequestHandler())
                // a forged request rides on a session cookie; Basic credentials are sent deliberately by the
                // client, and a request with neither is anonymous and gets 401 from the rules above
                .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        || request.getRequestedSessionId() == null));
        http.exceptionHandling(e -> e
                .authenticationEntryPoint((request, response, ex) -> (isApi(request) ? api : page).commence(request, response, ex))
                .accessDeniedHandler(accessDenied(json)));
        return http.build();
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static void apiUnauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e,
            ObjectMapper json) throws IOException {
        // pages of the map mark their calls (X-Requested-With); they must not get the browser's Basic dialog
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Sanimap\"");
        }
        boolean triedCredentials = request.getHeader("Authorization") != null;
        writeProblem(response, json, HttpStatus.UNAUTHORIZED, "Sign-in required", triedCredentials
                ? "user name or password is wrong"
                : "sign in to " + request.getMethod() + " " + request.getRequestURI()
                        + ": use the map's sign-in or send HTTP Basic credentials");
    }

    private static AccessDeniedHandler accessDenied(ObjectMapper json) {
        return (request, response, e) -> {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            String name = who == null ? "anonymous" : who.getName();
            String roles = who == null ? "" : who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5).toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.joining(", "));
            boolean csrf = e instanceof org.springframework.security.web.csrf.CsrfException;
            writeProblem(response, json, HttpStatus.FORBIDDEN, csrf ? "Missing or invalid CSRF token" : "Forbidden", csrf
                    ? "the request carries no valid CSRF token: send the XSRF-TOKEN cookie's value as X-XSRF-TOKEN"
                    : "user '" + name + "' (role " + roles + ") may not " + request.getMethod() + " " + request.getRequestURI());
        };
    }

    private static void writeProblem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String title,
            String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * CSRF tokens for the map's pages: scripts read the cookie and send it raw, in the header or (sign-in
     * and sign-out forms) as a parameter; a masked token as parameter is accepted too. Loading the token on every request
     * keeps the cookie in place.
     */
    static final class PageCsrfTokenRequestHandler implements CsrfTokenRequestHandler {
        private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
        private final CsrfTokenRequestHandler xor = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
            xor.handle(request, response, csrfToken);
            csrfToken.get();
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
            if (StringUtils.hasText(request.getHeader(csrfToken.getHeaderName()))) {
                return plain.resolveCsrfTokenValue(request, csrfToken);
            }
            // a form parameter: masked when rendered by the server, raw when copied from the cookie by a script
            String masked = xor.resolveCsrfTokenValue(request, csrfToken);
            return masked != null ? masked : plain.resolveCsrfTokenValue(request, csrfToken);
        }
    }
}
