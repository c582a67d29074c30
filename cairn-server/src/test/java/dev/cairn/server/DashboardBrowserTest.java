package dev.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.entity.EntityId;
import dev.cairn.examples.ExamplesApplication;
import dev.cairn.runtime.Cairn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium: it lists instances, starts HelloCities from the page and shows it
 * completed with its output and history, completes an ApprovalWorkflow by raising Approval from the page,
 * shows an entity's state after signals, and follows a second worker joining and leaving on the cluster page. Each page is saved as a screenshot under {@code target/screenshots}.
 * Needs Debian's {@code chromium} and {@code chromium-driver}; without them the tests are skipped (loudly), or
 * fail when {@code CAIRN_REQUIRE_CHROMIUM=1}.
 */
class DashboardBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static ServerFixture server;
  private WebDriver browser;

  @BeforeAll
  static void requireChromium() {
    boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!available) {
      String message = "Chromium is not installed (" + CHROMIUM + ", " + DRIVER + "); the dashboard's browser tests"
          + " need 'apt-get install -y chromium chromium-driver'.";
      if ("1".equals(System.getenv("CAIRN_REQUIRE_CHROMIUM"))) {
        throw new IllegalStateException(message);
      }
      System.err.println("SKIPPED: " + message);
      Assumptions.abort(message);
    }
    server = new ServerFixture();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,1100");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** Waits for a condition; the page swaps parts of itself while it refreshes, so stale elements are retried. */
  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private void start(String orchestration, String input) {
    browser.get(url("/ui"));
    new Select(browser.findElement(By.cssSelector("#start-form select[name=name]"))).selectByVisibleText(orchestration);
    if (input != null) {
      browser.findElement(By.cssSelector("#start-form textarea[name=input]")).sendKeys(input);
    }
    browser.findElement(By.id("start")).click();
    waiting().until(driver -> driver.getCurrentUrl().contains("/ui/instances/"));
  }

  private void awaitStatus(String status) {
    waiting().until(driver -> driver.findElement(By.id("runtime-status")).getText().equals(status));
  }

  @Test
  void helloCities_startedFromThePage_showsCompletedWithOutputAndHistory_andIsListed() throws IOException {
    start("HelloCities", null);

    awaitStatus("Completed");
    assertThat(browser.findElement(By.id("output")).getText()).contains("Hello Tokyo!", "Hello Seattle!",
        "Hello London!");
    WebElement history = browser.findElement(By.id("history"));
    assertThat(history.findElements(By.xpath(".//td[text()='TaskCompleted']"))).hasSize(3);
    assertThat(history.getText()).contains("SayHello", "ExecutionCompleted");
    screenshot("instance-hellocities");
    String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);

    browser.get(url("/ui/instances"));
    assertThat(browser.findElement(By.id("instances")).getText()).contains(id, "HelloCities", "Completed");
    screenshot("instances");
    browser.get(url("/ui"));
    waiting().until(driver -> !driver.findElement(By.id("count-Completed")).getText().startsWith("0"));
    screenshot("overview");
  }

  @Test
  void approvalWorkflow_completes_whenApprovalIsRaisedFromThePage() throws IOException {
    start("ApprovalWorkflow", "{\"timeoutSeconds\": 600}");
    awaitStatus("Running");
    screenshot("instance-approval-waiting");

    browser.findElement(By.cssSelector("#raise-form input[name=event]")).sendKeys("Approval");
    browser.findElement(By.cssSelector("#raise-form textarea[name=data]")).sendKeys("\"from the dashboard\"");
    browser.findElement(By.id("raise")).click();

    awaitStatus("Completed");
    assertThat(browser.findElement(By.id("output")).getText()).contains("approved");
    assertThat(browser.findElement(By.id("history")).getText()).contains("EventRaised", "Approval");
    screenshot("instance-approval-approved");
  }

  @Test
  void entityPage_showsTheStateAfterSignals() throws IOException {
    server.cairn.client().signalEntity(EntityId.of("Counter", "browser"), "add", 2);
    browser.get(url("/ui/entities/Counter/browser"));
    browser.findElement(By.cssSelector("#signal-form input[name=op]")).sendKeys("add");
    browser.findElement(By.cssSelector("#signal-form textarea[name=input]")).sendKeys("40");
    browser.findElement(By.id("signal")).click();

    waiting().until(driver -> driver.findElement(By.id("entity-state")).getText().equals("42"));
    screenshot("entity-counter");
    browser.get(url("/ui/entities"));
    assertThat(browser.findElement(By.id("entities")).getText()).contains("@Counter@browser", "42");
    screenshot("entities");
  }

  @Test
  void clusterPage_showsTheWorkersAndTheirPartitions_andFollowsAWorkerThatJoinsAndLeaves() throws IOException {
    String first = server.cairn.workerId();
    browser.get(url("/ui/cluster"));
    assertThat(browser.findElement(By.id("workers")).getText()).contains(first, "(this one)");
    assertThat(browser.findElements(By.cssSelector("#partitions tr"))).hasSize(1 + 4);
    assertThat(browser.findElement(By.id("partitions")).getText()).contains(first);

    try (Cairn second = new ExamplesApplication().registerAll(Cairn.builder()).store(server.store)
        .workerId("zz-second-worker").start()) {
      waiting().until(driver -> driver.findElement(By.id("workers")).getText().contains("zz-second-worker")
          && ownedBy(driver, "zz-second-worker") == 2 && ownedBy(driver, first) == 2);
      screenshot("cluster-two-workers");
    }
    waiting().until(driver -> ownedBy(driver, first) == 4);
    assertThat(browser.findElement(By.id("workers")).getText()).doesNotContain("zz-second-worker");
    screenshot("cluster");
  }

  /** How many rows of the partitions table (as the page refreshed it) name a worker as the owner. */
  private static long ownedBy(WebDriver driver, String worker) {
    return driver.findElements(By.cssSelector("#partitions tr td:nth-child(2)")).stream()
        .filter(cell -> cell.getText().equals(worker)).count();
  }
}
