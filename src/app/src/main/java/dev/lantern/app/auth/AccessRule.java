package dev.lantern.app.auth;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * What a resource method demands, from its annotations (the method's win over its class's): nothing
 * (no annotation, or {@code @PermitAll}), nobody ({@code @DenyAll}), or one of some roles ({@code @RolesAllowed}).
 */
record AccessRule(boolean open, Set<String> roles) {

    static final AccessRule OPEN = new AccessRule(true, Set.of());
    static final AccessRule NOBODY = new AccessRule(false, Set.of());

    static AccessRule of(Class<?> type, Method method) {
        if (method == null) {
            return OPEN;
        }
        AccessRule onMethod = declared(method.getAnnotation(PermitAll.class), method.getAnnotation(DenyAll.class),
                method.getAnnotation(RolesAllowed.class));
        if (onMethod != null || type == null) {
            return onMethod == null ? OPEN : onMethod;
        }
        AccessRule onType = declared(type.getAnnotation(PermitAll.class), type.getAnnotation(DenyAll.class),
                type.getAnnotation(RolesAllowed.class));
        return onType == null ? OPEN : onType;
    }

    private static AccessRule declared(PermitAll permit, DenyAll deny, RolesAllowed roles) {
        if (deny != null) {
            return NOBODY;
        }
        if (roles != null) {
            return new AccessRule(false, Set.of(roles.value()));
        }
        return permit != null ? OPEN : null;
    }

    boolean allows(Set<String> callerRoles) {
        return open || callerRoles.stream().anyMatch(roles::contains);
    }
}
