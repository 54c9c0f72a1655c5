package dev.lantern.app.identity;

import java.util.Set;

/** The application's two roles, as they appear in {@code @RolesAllowed}, the database and the JWT groups. */
public final class Roles {

    public static final String USER = "user";
    public static final String ADMIN = "admin";
    public static final Set<String> ALL = Set.of(USER, ADMIN);

    private Roles() {
    }
}
