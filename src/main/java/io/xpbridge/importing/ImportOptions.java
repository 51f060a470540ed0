package io.xpbridge.importing;

import io.xpbridge.domain.ImportTarget;

/** How to import a file: its format, how imported XP meets current XP, and the two switches. */
public record ImportOptions(ImportFormat format, ImportTarget.Mode mode, boolean dryRun, boolean skipInvalid) {}
