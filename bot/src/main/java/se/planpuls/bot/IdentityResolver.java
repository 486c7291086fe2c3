package se.planpuls.bot;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.ChannelAccount;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planpuls.db.ConversationService;
import se.planpuls.db.OwnerService.TeamsIdentity;
import se.planpuls.db.OwnerService;
import se.planpuls.domain.ConversationRef;
import se.planpuls.domain.Owner;

/**
 * Finds the owner behind the sender of an activity, and records the conversation it came in, in
 * the same database transaction. The sender is known by Teams user id and Entra object id, never by
 * display name. On first contact the Teams roster ({@code TeamsInfo.getMember}) supplies e-mail and
 * UPN, and the link is remembered.
 */
final class IdentityResolver {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityResolver.class);

    private final OwnerService owners;
    private final ConversationService conversations;

    IdentityResolver(OwnerService owners, ConversationService conversations) {
        this.owners = owners;
        this.conversations = conversations;
    }

    /** The owner who sent the activity, if any; {@code spokenIn} (may be null) is recorded either way. */
    CompletableFuture<Optional<Owner>> resolve(TurnContext context, ConversationRef spokenIn) {
        ChannelAccount from = context.getActivity().getFrom();
        if (from == null || from.getId() == null) {
            if (spokenIn != null) {
                conversations.record(spokenIn);
            }
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String locale = context.getActivity().getLocale();
        Optional<Owner> known = owners.byTeamsUser(from.getId(), from.getAadObjectId(), spokenIn, locale);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known);
        }
        CompletableFuture<com.microsoft.bot.schema.teams.TeamsChannelAccount> member;
        try {
            member = TeamsInfo.getMember(context, from.getId());
        } catch (RuntimeException e) {
            member = CompletableFuture.failedFuture(e);
        }
        return member.handle((account, error) -> {
            if (error != null) {
                LOG.info("Teams roster lookup failed for a user; falling back to the activity's ids: {}",
                        error.toString());
            }
            String aad = account != null && account.getAadObjectId() != null ? account.getAadObjectId()
                    : from.getAadObjectId();
            return owners.recognise(new TeamsIdentity(from.getId(), aad,
                    account == null ? null : account.getEmail(),
                    account == null ? null : account.getUserPrincipalName(),
                    account != null && account.getName() != null ? account.getName() : from.getName()), spokenIn,
                    locale);
        });
    }
}
