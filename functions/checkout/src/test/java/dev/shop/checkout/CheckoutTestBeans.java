package dev.shop.checkout;

import dev.shop.events.EventCodec;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.MeteringWriter;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * The test helpers as beans of the test context, closed with it. Imported by {@link CheckoutOnRealServers};
 * deliberately no {@code @Configuration}, so the component scan of an application booted outside Spring's test
 * support (the AWS adapter test) does not pick it up.
 */
public class CheckoutTestBeans {

    @Bean(destroyMethod = "close")
    CartParticipant cartParticipant(@Value("${shop.kafka.bootstrap}") String bootstrap, FunctionManifest manifest,
                                    TaskResults taskResults, Jdbi jdbi) {
        return new CartParticipant(bootstrap, manifest.topicName("freeze-cart"), taskResults, jdbi);
    }

    @Bean(destroyMethod = "close")
    TaskResults taskResults(@Value("${shop.kafka.bootstrap}") String bootstrap, FunctionManifest manifest,
                            Jdbi jdbi) {
        return new TaskResults(bootstrap, manifest.topicName("task-results"), jdbi);
    }

    @Bean
    SagaCommands sagaCommands(EventCodec codec, Jdbi jdbi) {
        return new SagaCommands(codec, jdbi);
    }

    @Bean
    CheckoutApi checkoutApiClient(HttpApi checkoutHttpApi) {
        return new CheckoutApi(checkoutHttpApi);
    }

    @Bean
    Metering testMetering(MeteringWriter writer, Jdbi jdbi) {
        return new Metering(writer, jdbi);
    }
}
