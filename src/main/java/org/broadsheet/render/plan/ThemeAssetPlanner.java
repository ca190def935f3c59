package org.broadsheet.render.plan;

import java.nio.file.Path;
import java.util.Map;
import org.broadsheet.render.Routes;
import org.broadsheet.render.Theme;

/** The theme's static files (style sheet, script, icons), from the theme and its parents. */
record ThemeAssetPlanner(Theme theme, Path siteDir, Routes routes) implements Planner {
    @Override
    public void plan(Plan plan) {
        for (Map.Entry<String, Path> file : theme.staticFiles(siteDir).entrySet()) {
            plan.add(CopyOutput.of(routes.themeFile(file.getKey()), file.getValue()));
        }
    }
}
