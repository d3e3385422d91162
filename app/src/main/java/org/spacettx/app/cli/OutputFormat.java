package org.spacettx.app.cli;

/** How a command prints results: an aligned table for people, CSV or JSON for programs. */
public enum OutputFormat { TABLE, CSV, JSON }
