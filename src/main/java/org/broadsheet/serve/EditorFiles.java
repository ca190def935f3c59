package org.broadsheet.serve;

import java.util.Locale;

/**
 * The files editors and systems write beside the one being edited, which must not trigger a rebuild: swap
 * and backup files, lock files, the probe file vim writes to test a folder ({@code 4913}), atomic-save
 * temporaries and the Finder's {@code .DS_Store}. Hidden names (a leading dot) are among them: the loader
 * ignores them in {@code content/}, and most editors' temporaries are hidden. A save through a temporary
 * still reaches the real name by a rename, which is seen as that name's creation.
 */
final class EditorFiles {
    private EditorFiles() {
    }

    static boolean ignored(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith(".") // .swp and .#locks, .DS_Store, .goutputstream-*, .~lock.*#
                || lower.endsWith("~") // emacs, nano and gedit backups
                || lower.endsWith(".swp") || lower.endsWith(".swo") || lower.endsWith(".swx") // vim
                || lower.startsWith("#") && lower.endsWith("#") // emacs autosaves
                || lower.equals("4913") // vim checks that it may write in the folder
                || lower.equals("thumbs.db") || lower.equals("desktop.ini")
                || lower.endsWith(".tmp") || lower.endsWith(".temp") || lower.endsWith(".crswap")
                || lower.contains("___jb_tmp___") || lower.contains("___jb_old___"); // JetBrains
    }
}
