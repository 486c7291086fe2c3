package se.planpuls.domain;

public enum ConversationKind {
    personal, groupChat, channel
}
