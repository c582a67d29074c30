package dev.cairn.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.entity.EntityId;
import dev.cairn.failure.InvalidRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CursorTest {

  @Test
  void cursors_roundTripThroughTheirTokens() {
    InstanceCursor instance = new InstanceCursor(Instant.parse("2030-05-06T07:08:09.000000123Z"), "id:with:colons");
    EntityCursor entity = new EntityCursor(EntityId.of("Account", "x@y"));

    assertThat(InstanceCursor.decode(instance.encode())).isEqualTo(instance);
    assertThat(EntityCursor.decode(entity.encode())).isEqualTo(entity);
  }

  @Test
  void forgedTokens_areRefusedWithAClearError() {
    assertThatThrownBy(() -> InstanceCursor.decode("not-a-token!"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("continuation token");
    assertThatThrownBy(() -> EntityCursor.decode("bm9wZQ"))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void messageBodies_roundTrip_andGarbageDecodesAsUndecodable() {
    MessageBody body = new OperationRequest("r", "c:1", 7, "add", "{\"n\":1}", null, null, new ReplyTo("i", "e"));

    assertThat(StoreCodec.decodeMessage(StoreCodec.encode(body))).isEqualTo(body);
    assertThat(StoreCodec.decodeMessage("{\"kind\":\"nonsense\"")).isInstanceOf(UndecodableMessage.class);
  }
}
