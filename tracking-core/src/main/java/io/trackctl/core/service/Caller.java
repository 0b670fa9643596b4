package io.trackctl.core.service;

/**
 * Who is asking: an administrator, or a shop that may see and change only its own data. Every
 * use-case method takes one, so tenant scoping is decided here and not in each adapter.
 */
public record Caller(Role role, Long shopId) {

    /** The two kinds of callers. */
    public enum Role {
        ADMIN,
        SHOP
    }

    public Caller {
        if (role == null) {
            throw new IllegalArgumentException("role is required");
        }
        if (role == Role.SHOP && shopId == null) {
            throw new IllegalArgumentException("a shop caller needs its shop id");
        }
        if (role == Role.ADMIN) {
            shopId = null;
        }
    }

    public static Caller admin() {
        return new Caller(Role.ADMIN, null);
    }

    public static Caller shop(long shopId) {
        return new Caller(Role.SHOP, shopId);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this caller may see data of {@code ownerShopId}. */
    public boolean canSee(long ownerShopId) {
        return isAdmin() || shopId == ownerShopId;
    }

    /** The shop every query must be limited to, or null for an administrator. */
    public Long scope() {
        return shopId;
    }

    /** Throws {@link ForbiddenException} unless this is an administrator. */
    public void requireAdmin(String action) {
        if (!isAdmin()) {
            throw new ForbiddenException("only an administrator may " + action);
        }
    }
}
