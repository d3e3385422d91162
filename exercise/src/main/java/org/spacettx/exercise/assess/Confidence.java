package org.spacettx.exercise.assess;

/** How sure a cell is of its answer. */
public enum Confidence { LOW, MODERATE, HIGH }
