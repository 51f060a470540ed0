package io.xpbridge.fake.discord;

/** One REST request the fake received, with the status it answered. */
public record RestCall(String method, String path, String body, int status, long atMs) {

  public boolean is(String expectedMethod, String pathFragment) {
    return method.equalsIgnoreCase(expectedMethod) && path.contains(pathFragment);
  }

  /** A role add/remove on a member, the calls rank and achievement effects make. */
  public boolean isMemberRoleCall() {
    return path.matches(".*/guilds/\\d+/members/\\d+/roles/\\d+$");
  }
}
