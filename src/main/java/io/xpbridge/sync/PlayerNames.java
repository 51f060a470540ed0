package io.xpbridge.sync;

import io.xpbridge.domain.PlayerRef;
import java.util.HashSet;
import java.util.Set;

/**
 * Players named by every name known for them: the reference a submit used and, once learned, the
 * player id behind it, so a reference learned later still meets a batch sent under another name.
 */
final class PlayerNames {
  private final Set<PlayerRef> refs = new HashSet<>();
  private final Set<Long> ids = new HashSet<>();

  boolean contains(PlayerRef ref, Long id) {
    return refs.contains(ref) || id != null && ids.contains(id);
  }

  void add(PlayerRef ref, Long id) {
    refs.add(ref);
    if (id != null) {
      ids.add(id);
    }
  }

  void addAll(PlayerNames other) {
    refs.addAll(other.refs);
    ids.addAll(other.ids);
  }

  void removeAll(PlayerNames other) {
    refs.removeAll(other.refs);
    ids.removeAll(other.ids);
  }
}
