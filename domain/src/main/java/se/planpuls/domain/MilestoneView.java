package se.planpuls.domain;

import java.util.Optional;

/** A milestone with what a reader needs beside it: its area, its owner's name and its latest report. */
public record MilestoneView(Milestone milestone, String areaCode, String areaName, String ownerName,
                            StatusReport latest) {

    public Optional<StatusReport> latestReport() {
        return Optional.ofNullable(latest);
    }

    public Optional<Status> currentStatus() {
        return latestReport().map(StatusReport::status);
    }

    public boolean reached() {
        return currentStatus().filter(Status.REACHED::equals).isPresent();
    }
}
