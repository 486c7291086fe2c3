package se.planpuls.domain;

import java.time.LocalDate;

/** A revision of a plan as a board adopted it: the day, the board (nämnd) and what it said. */
public record PlanRevision(LocalDate adoptedOn, String board, String note) {
    public static final int MAX_BOARD = 300;
    public static final int MAX_NOTE = 4000;

    /** Refuses a revision without a day or a board, or with text too long, naming the field at {@code where}. */
    public PlanRevision checked(String where) {
        if (adoptedOn == null) {
            throw new InvalidInputException(where + "adoptedOn", "revision.adoptedOn",
                    where + "adoptedOn is required, a date such as 2023-08-24");
        }
        if (board == null || board.isBlank()) {
            throw new InvalidInputException(where + "board", "revision.board", where + "board is required");
        }
        if (board.length() > MAX_BOARD) {
            throw new InvalidInputException(where + "board", "revision.board",
                    where + "board must be at most " + MAX_BOARD + " characters");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException(where + "note", "revision.note",
                    where + "note must be at most " + MAX_NOTE + " characters");
        }
        return new PlanRevision(adoptedOn, board.strip(), note == null || note.isBlank() ? null : note.strip());
    }
}
