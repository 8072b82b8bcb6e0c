package dev.shop.assistant;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.AssistantService.ParseIntent;
import dev.shop.assistant.execute.PlanExecutor;
import dev.shop.assistant.execute.PlanExecutor.ExecuteRequest;
import dev.shop.assistant.execute.PlanExecutor.ExecuteResult;
import dev.shop.assistant.execute.ShopApi;
import dev.shop.assistant.http.AssistantHttp;
import dev.shop.assistant.index.CatalogProduct;
import dev.shop.assistant.index.CatalogWarmUp;
import dev.shop.assistant.index.ProductIndex;
import dev.shop.assistant.notify.PlanNotifications;
import dev.shop.assistant.parser.IntentParser;
import dev.shop.assistant.parser.ParseResult;
import dev.shop.assistant.session.RedisSessionStore;
import dev.shop.assistant.session.SessionStore;
import dev.shop.events.EventTypes;
import dev.shop.events.ProductChanged;
import dev.shop.events.ProductDeleted;
import dev.shop.runtime.aws.ApiGatewayHttpFunction;
import dev.shop.runtime.config.RuntimeAutoConfiguration;
import dev.shop.runtime.config.ShopProperties;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.kafka.EventConsumers;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.outbox.Outbox;
import io.lettuce.core.RedisClient;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The assistant's function beans. */
@Configuration(proxyBeanMethods = false)
public class AssistantFunctions {

    @Bean(destroyMethod = "close")
    ProductIndex productIndex() {
        return new ProductIndex();
    }

    @Bean
    IntentParser intentParser(ProductIndex index) {
        return new IntentParser(index);
    }

    @Bean(destroyMethod = "close")
    RedisSessionStore sessionStore(RedisClient redis, ObjectMapper mapper,
                                   @Value("${shop.assistant.session-ttl:30m}") Duration ttl) {
        return new RedisSessionStore(redis, mapper, ttl);
    }

    /**
     * On Lambda (shop.assistant.warm-from-catalog: true in application-lambda.yml) an instance fills its empty
     * index from GET /products: there the product events go to the separate indexProducts function.
     */
    @Bean
    AssistantService assistantService(IntentParser parser, SessionStore sessions, ShopApi api, ProductIndex index,
                                      ObjectMapper mapper,
                                      @Value("${shop.assistant.warm-from-catalog:false}") boolean warmFromCatalog) {
        if (!warmFromCatalog) {
            return new AssistantService(parser, sessions);
        }
        CatalogWarmUp warmUp = new CatalogWarmUp(api, index, mapper, Duration.ofSeconds(30), Clock.systemUTC());
        return new AssistantService(parser, sessions, warmUp::ensureLoaded);
    }

    @Bean
    ShopApi shopApi(ObjectMapper mapper, ShopProperties shop,
                    @Value("${shop.assistant.api-base-url:http://localhost:8080}") String baseUrl) {
        return new ShopApi(baseUrl, mapper, shop.adminToken(), 4, Duration.ofMillis(100));
    }

    @Bean
    PlanExecutor planExecutor(ShopApi api, AssistantService assistant, ProductIndex index,
                              @Value("${shop.assistant.checkout-timeout:60s}") Duration checkoutTimeout) {
        return new PlanExecutor(api, assistant, index, checkoutTimeout);
    }

    /** executePlan's PlanFinished events, through the assistant schema's outbox. */
    @Bean
    PlanNotifications planNotifications(Jdbi jdbi, Outbox outbox, FunctionManifest manifest, Clock clock) {
        return new PlanNotifications(jdbi, outbox, manifest.topicName(EventTypes.ASSISTANT_NOTIFICATIONS_TOPIC), clock);
    }

    @Bean
    public Function<ParseIntent, ParseResult> parseIntent(AssistantService assistant) {
        return assistant::parse;
    }

    @Bean
    public Function<ExecuteRequest, ExecuteResult> executePlan(PlanExecutor executor) {
        return executor::execute;
    }

    /** Keeps this instance's index current: every instance reads every product event (anonymous group). */
    @Bean
    public Consumer<Message<byte[]>> indexProducts(EventConsumers consumers, ProductIndex index) {
        return consumers.consumer("indexProducts", event -> {
            switch (event.data()) {
                case ProductChanged changed -> index.upsert(CatalogProduct.of(changed), changed.version());
                case ProductDeleted deleted -> index.delete(deleted.sku(), deleted.version());
                default -> {
                    // other event types on the topic are not the index's concern
                }
            }
        });
    }

    @Bean
    HttpApi assistantHttpApi(FunctionManifest manifest, ShopProperties shop, InvocationMeter meter,
                             ObjectMapper mapper, JsonBodies bodies, Function<ParseIntent, ParseResult> parseIntent,
                             Function<ExecuteRequest, ExecuteResult> executePlan,
                             PlanNotifications planNotifications) {
        AssistantHttp http = new AssistantHttp(mapper, bodies, parseIntent, executePlan, planNotifications);
        return RuntimeAutoConfiguration.httpApi(manifest, shop, http.operations(), meter, mapper);
    }

    /** The HTTP entry point on Lambda (API Gateway payload 2.0) and in the local gateway. */
    @Bean
    public Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> assistantApi(HttpApi assistantHttpApi) {
        return new ApiGatewayHttpFunction(assistantHttpApi);
    }
}
