package dev.cairn.server.internal.ui;

/** The page a browser gets when a dashboard request fails. */
public final class ErrorPage {
  private ErrorPage() {}

  /** An error page for a status and message. */
  public static String render(int status, String message) {
    return Html.page("Error " + status, "<h1>Error " + status + "</h1>" + Html.error(message)
        + "<p><a href=\"/ui\">Back to the overview</a></p>");
  }
}
