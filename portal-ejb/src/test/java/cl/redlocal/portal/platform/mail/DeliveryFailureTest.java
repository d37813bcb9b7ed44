package cl.redlocal.portal.platform.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryFailureTest {

    @Test
    void aRecipientRefusedForGoodIsPermanent() throws Exception {
        Address bad = new InternetAddress("nadie@demo.cl");
        assertThat(DeliveryFailure.permanent(new SendFailedException("550 no such user", null,
                new Address[0], new Address[0], new Address[] {bad}))).isTrue();
        // as Jakarta Mail reports it: the refusal chained behind a general failure
        MessagingException outer = new MessagingException("send failed",
                new SendFailedException("550", null, new Address[0], new Address[0], new Address[] {bad}));
        assertThat(DeliveryFailure.permanent(outer)).isTrue();
    }

    @Test
    void anAddressThatCannotBeWrittenIsPermanent() {
        assertThatThrownBy(() -> new InternetAddress("persona sin arroba", true)).isInstanceOf(AddressException.class);
        assertThat(DeliveryFailure.permanent(new AddressException("Missing final '@domain'"))).isTrue();
    }

    @Test
    void outagesAndTemporaryRefusalsAreNeverPermanent() throws Exception {
        assertThat(DeliveryFailure.permanent(new MessagingException("Couldn't connect to host",
                new ConnectException("Connection refused")))).isFalse();
        // 4xx on RCPT: valid but unsent, tried again
        assertThat(DeliveryFailure.permanent(new SendFailedException("452 mailbox full", null, new Address[0],
                new Address[] {new InternetAddress("a@demo.cl")}, new Address[0]))).isFalse();
        assertThat(DeliveryFailure.permanent(new IllegalStateException("Not connected"))).isFalse();
    }

    @Test
    void pausesGrowThenStayAtTheMaximumSoALongOutageNeverEndsAMail() {
        Duration max = Duration.ofMinutes(15);
        assertThat(DeliveryFailure.pause(1, max)).isEqualTo(Duration.ofMinutes(1));
        assertThat(DeliveryFailure.pause(2, max)).isEqualTo(Duration.ofMinutes(2));
        assertThat(DeliveryFailure.pause(4, max)).isEqualTo(Duration.ofMinutes(8));
        assertThat(DeliveryFailure.pause(5, max)).isEqualTo(max);
        // a day of failures: still a pause, never an overflow or a give-up
        assertThat(DeliveryFailure.pause(96, max)).isEqualTo(max);
        assertThat(DeliveryFailure.pause(Integer.MAX_VALUE, max)).isEqualTo(max);
    }
}
