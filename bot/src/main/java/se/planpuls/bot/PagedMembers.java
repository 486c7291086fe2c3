package se.planpuls.bot;

import java.util.concurrent.CompletableFuture;
import okhttp3.ResponseBody;
import retrofit2.Response;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * The connector's paged roster, called on the SDK's own Retrofit (so with its credentials). The SDK's
 * {@code getConversationPagedMembers} with a continuation token cannot be called at all on 4.14.3: its
 * Retrofit method puts the token in the path template ({@code ?continuationToken={continuationToken}}),
 * which Retrofit refuses, so every roster past its first page was out of reach.
 */
interface PagedMembers {
    @GET("v3/conversations/{conversationId}/pagedmembers")
    CompletableFuture<Response<ResponseBody>> page(@Path("conversationId") String conversationId,
                                                   @Query("continuationToken") String continuationToken,
                                                   @Header("User-Agent") String userAgent);
}
