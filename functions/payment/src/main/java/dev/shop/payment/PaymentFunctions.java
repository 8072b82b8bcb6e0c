package dev.shop.payment;

import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.EventTypes;
import dev.shop.payment.domain.LedgerReport;
import dev.shop.payment.domain.PaymentLookup;
import dev.shop.payment.domain.PaymentProvider;
import dev.shop.payment.domain.Payments;
import dev.shop.payment.domain.SimulatedPaymentProvider;
import dev.shop.payment.http.PaymentHttp;
import dev.shop.runtime.invocation.EventFunction;
import dev.shop.runtime.saga.TaskReplies;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;



/** The payment's function beans: its rules, one bean per manifest function, and its HTTP face. */
@Configuration(proxyBeanMethods = false)
public class PaymentFunctions {

    /** The simulator stands in for the provider; a real one replaces this bean and nothing else. */
    @Bean
    PaymentProvider paymentProvider(PaymentSettings settings) {
        return new SimulatedPaymentProvider(settings.simulatedFailureRate(), settings.simulatedFailureSeed());
    }

    @Bean
    Payments payments(Jdbi jdbi, TaskReplies replies, PaymentProvider provider) {
        return new Payments(jdbi, replies, provider);
    }

    @Bean
    LedgerReport ledgerReport(Jdbi jdbi) {
        return new LedgerReport(jdbi);
    }

    /** Charges a checkout at most once and answers the workflow's task token. */
    @Bean
    public EventFunction processPayment(Payments payments) {
        return EventFunction.inTransaction(EventTypes.PROCESS_PAYMENT, payments::process);
    }

    /** Compensation: refunds a checkout's capture, or cancels a checkout not yet charged. */
    @Bean
    public EventFunction refundPayment(Payments payments) {
        return EventFunction.inTransaction(EventTypes.REFUND_PAYMENT, payments::refund);
    }

    @Bean
    public Function<String, PaymentLookup> getPayment(Payments payments) {
        return payments::find;
    }

    @Bean
    PaymentHttp paymentHttp(ObjectMapper mapper, Function<String, PaymentLookup> getPayment) {
        return new PaymentHttp(mapper, getPayment);
    }
}
