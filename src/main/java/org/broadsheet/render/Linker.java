package org.broadsheet.render;

/**
 * Makes links from one page to others. Ordinary pages link relatively; a page served at arbitrary URLs
 * (404.html) links from the site's root path instead, since it cannot know where it is.
 */
@FunctionalInterface
interface Linker {
    String to(String route);

    static Linker from(String route) {
        return target -> Routes.href(route, target);
    }

    static Linker rooted(String rootPath) {
        return target -> rootPath + Routes.encode(target);
    }
}
