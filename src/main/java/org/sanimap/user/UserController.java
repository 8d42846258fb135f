package org.sanimap.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/users}: accounts (admin only) and {@code /api/users/me}: who is signed in. */
@RestController
@RequestMapping("/api/users")
@Tag(name = "users", description = "Users and roles (viewer, manager, planner, admin)")
class UserController {

    private final UserService service;

    UserController(UserService service) {
        this.service = service;
    }

    /** A new user as sent by an admin. */
    record NewUser(String userName, String password, String role) {
    }

    @GetMapping
    @Operation(summary = "All users (admin)")
    List<Map<String, Object>> list() {
        return service.list().stream().map(UserController::json).toList();
    }

    @PostMapping
    @Operation(summary = "Create a user with a role: viewer, manager, planner or admin (admin)")
    ResponseEntity<Map<String, Object>> create(@RequestBody NewUser body) {
        UserAccount created = service.create(body.userName(), body.password(),
                body.role() == null ? null : Role.fromCode(body.role()));
        return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(json(created));
    }

    /** What an admin changes of a user; absent fields stay as they are. */
    record UserChange(String password, String role, Boolean enabled) {
    }

    @PatchMapping("/{userName}")
    @Operation(summary = "Change a user's role, password or enabled flag (admin); the last enabled admin stays one")
    Map<String, Object> update(@PathVariable String userName, @RequestBody UserChange body) {
        return json(service.update(userName, body.password(), body.role() == null ? null : Role.fromCode(body.role()),
                body.enabled()));
    }

    static Map<String, Object> json(UserAccount u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("userName", u.userName());
        m.put("role", u.role().code());
        m.put("enabled", u.enabled());
        m.put("createdAt", u.createdAt().toString());
        return m;
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user and role; authenticated=false for anonymous visitors")
    Map<String, Object> me(Authentication authentication) {
        Map<String, Object> me = new LinkedHashMap<>();
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(a -> a.startsWith("ROLE_")
                        && !a.equals("ROLE_ANONYMOUS"));
        me.put("authenticated", signedIn);
        me.put("userName", signedIn ? authentication.getName() : null);
        me.put("role", signedIn ? authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5).toLowerCase(java.util.Locale.ROOT))
                .findFirst().orElse(null) : null);
        return me;
    }
}
