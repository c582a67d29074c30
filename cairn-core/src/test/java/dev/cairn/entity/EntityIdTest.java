package dev.cairn.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.failure.InvalidRequestException;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EntityIdTest {

  @Test
  void parse_readsNameAndKey_andKeysMayContainAt() {
    assertThat(EntityId.parse("@Account@alice@example.com")).isEqualTo(EntityId.of("Account", "alice@example.com"));
    assertThat(EntityId.of("Account", "bob").toString()).isEqualTo("@Account@bob");
  }

  @Test
  void parse_refusesTextThatIsNotAnEntityId() {
    for (String bad : List.of("", "@", "Account@x", "@Account", "@@x", "@Account@")) {
      assertThatThrownBy(() -> EntityId.parse(bad)).isInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  void order_isByNameThenKey() {
    var sorted = new TreeSet<>(List.of(EntityId.of("B", "a"), EntityId.of("A", "z"), EntityId.of("A", "b")));

    assertThat(sorted).containsExactly(EntityId.of("A", "b"), EntityId.of("A", "z"), EntityId.of("B", "a"));
  }
}
