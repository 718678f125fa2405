package dev.nsnet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page of nsnet serve in headless Chromium (Debian's chromium + chromium-driver, installed
 * by scripts/install-deps.sh), driven by Selenium without Selenium Manager: it loads the demo
 * world, types commands into the console, checks the drawing and the red path, and keeps
 * screenshots in target/screenshots/. Skipped when chromium is absent, except under CI=true,
 * where a missing browser fails.
 */
class WebBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium"), DRIVER = Path.of("/usr/bin/chromedriver");
    static WebServer server;
    static ChromeDriver driver;
    static Path profile;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present) {
            if ("true".equals(System.getenv("CI"))) fail("CI=true but " + CHROMIUM + " or " + DRIVER + " is missing (scripts/install-deps.sh installs them)");
            Assumptions.abort("browser tests skipped: " + CHROMIUM + " and " + DRIVER + " are needed (apt-get install chromium chromium-driver)");
        }
        server = new WebServer(WebWorld.demo(1), "127.0.0.1", 0);
        server.start();
        profile = Files.createTempDirectory("nsnet-chromium-");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toString());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1600,1000", "--user-data-dir=" + profile);
        ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(svc, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) driver.quit();
        if (server != null) server.stop();
        if (profile != null) {
            try (var s = Files.walk(profile)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static WebDriverWait waiting() { return new WebDriverWait(driver, Duration.ofSeconds(30)); }

    static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    static void type(String cmd) {
        WebElement in = waiting().until(d -> {
            WebElement e = d.findElement(By.id("cmd"));
            return e.isEnabled() ? e : null;
        });
        in.sendKeys(cmd, Keys.ENTER);
    }

    @Test
    void demoPageConsoleDeviceViewAndRedPath() throws Exception {
        driver.get("http://127.0.0.1:" + server.port() + "/");
        waiting().until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        // the drawing: SVG boxes for the hosts, namespaces and devices of the article's figure
        for (String id : List.of("h:node1", "n:node1/pod1", "n:node1/root", "h:router", "h:baidu")) {
            assertEquals(1, driver.findElements(By.cssSelector("#drawing svg g.box[data-id='" + id + "']")).size(), id);
        }
        for (String id : List.of("d:node1/pod1/eth0", "d:node1/root/cni0", "d:node1/root/eth0", "s:tor", "d:baidu/root/eth0")) {
            assertEquals(1, driver.findElements(By.cssSelector("#drawing svg g.dev[data-id='" + id + "']")).size(), id);
        }
        assertTrue(driver.findElements(By.cssSelector("#drawing svg polyline.wire.veth")).size() >= 2);
        assertTrue(driver.findElement(By.id("console-out")).getText().contains("nsnet serve: the demo's world"));
        screenshot("demo-loaded");

        // a command typed into the console changes the drawing
        type("ip netns add pod3");
        waiting().until(d -> !d.findElements(By.cssSelector("#drawing svg g.box[data-id='n:node1/pod3']")).isEmpty());
        type("ip link add veth3 type veth peer name eth0 netns pod3");
        waiting().until(d -> !d.findElements(By.cssSelector("#drawing svg g.dev[data-id='d:node1/pod3/eth0']")).isEmpty());
        assertEquals(1, driver.findElements(By.cssSelector("#drawing svg polyline.wire.veth[data-a='d:node1/pod3/eth0'][data-b='d:node1/root/veth3']")).size());
        assertTrue(driver.findElement(By.id("console-out")).getText().contains("ip link add veth3 type veth peer name eth0 netns pod3"));

        // clicking a device shows what ip -d -s link / ip addr print for it
        driver.findElement(By.cssSelector("#drawing svg g.dev[data-id='d:node1/root/cni0']")).click();
        waiting().until(d -> d.findElement(By.id("dev-addr")).getText().contains("inet 10.244.1.1/24 scope global cni0"));
        assertTrue(driver.findElement(By.id("dev-link")).getText().contains("bridge forward_delay"));

        // a ping from pod1 to the web host: the path turns red, step by step
        type("ip netns exec pod1 ping -c 1 -W 1 203.0.113.10");
        waiting().until(d -> d.findElement(By.id("console-out")).getText().contains("1 packets transmitted, 1 received"));
        // (an earlier command may have left a trace of its own: wait for the ping's)
        waiting().until(d -> d.findElement(By.id("trace-cmd")).getText().contains("ping -c 1 -W 1 203.0.113.10")
                && !d.findElements(By.cssSelector("#t-steps tr.step")).isEmpty());
        driver.findElement(By.id("t-first")).click();
        assertEquals(0, driver.findElements(By.cssSelector("#drawing svg .hot")).size(), "step 0: nothing red yet");
        driver.findElement(By.id("t-next")).click();
        assertEquals(1, hotDevices().size(), "after one step, one device is red: " + hotDevices());
        assertEquals(1, driver.findElements(By.cssSelector("#drawing svg g.dev.current")).size());
        assertEquals(1, driver.findElements(By.cssSelector("#t-steps tr.step.current")).size());
        assertTrue(driver.findElement(By.id("t-pos")).getText().startsWith("step 1 / "));
        driver.findElement(By.id("t-last")).click();
        List<String> hot = hotDevices();
        for (String id : List.of("d:node1/pod1/eth0", "d:node1/root/veth6b7a2f1c", "d:node1/root/cni0", "d:node1/root/eth0",
                "s:tor", "d:router/root/eth0", "d:router/root/eth1", "d:baidu/root/eth0")) {
            assertTrue(hot.contains(id), id + " on the red path " + hot);
        }
        assertTrue(driver.findElements(By.cssSelector("#drawing svg polyline.wire.cable.hot")).size() >= 3);
        assertTrue(driver.findElements(By.cssSelector("#drawing svg line.hop")).size() >= 1, "routed through node1's stack");
        String red = (String) ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(document.querySelector('#drawing svg polyline.wire.cable.hot')).stroke;");
        assertEquals("rgb(214, 39, 40)", red);
        String steps = driver.findElement(By.id("t-steps")).getText();
        assertTrue(steps.contains("nf_nat_manip_pkt") && steps.contains("SNAT source 10.244.1.2 -> 192.168.1.10"), steps);
        assertTrue(steps.contains("filter/FORWARD rule 1: -A FORWARD -i cni0 -j ACCEPT -> ACCEPT"), steps);
        assertTrue(driver.findElement(By.id("export-trace")).getAttribute("href").matches(".*/api/trace/\\d+\\.json"));
        screenshot("ping-red-path");

        // play runs the path again from the start
        driver.findElement(By.id("t-play")).click();
        waiting().until(d -> d.findElement(By.id("t-play")).getText().equals("play")
                && d.findElement(By.id("t-pos")).getText().matches("step (\\d+) / \\1"));
    }

    @Test
    void fiftyPodsFitOnThePage() throws Exception {
        WebServer pods = new WebServer(WebWorld.over(LayoutTest.pods(50), "# 50 pods", "", "", List.of()), "127.0.0.1", 0);
        pods.start();
        try {
            driver.get("http://127.0.0.1:" + pods.port() + "/");
            waiting().until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            assertEquals(101, driver.findElements(By.cssSelector("#drawing svg g.dev")).size(), "50 eth0, 50 veths, cni0");
            assertEquals(51, driver.findElements(By.cssSelector("#drawing svg g.box.netns")).size());
            driver.findElement(By.id("zoom-fit")).click();
            long w = (Long) ((JavascriptExecutor) driver).executeScript("return Math.round(document.querySelector('#drawing svg').getBoundingClientRect().width);");
            long pane = (Long) ((JavascriptExecutor) driver).executeScript("return document.getElementById('drawing-pane').clientWidth;");
            assertTrue(w <= pane, "fit: the drawing (" + w + " px) fits the pane (" + pane + " px)");
            // wrapped into rows, "fit" shows the drawing at a legible scale (not 1/8 as in one row of 50)
            assertTrue(w * 3 >= pane, "fit: the drawing (" + w + " px) fills the pane (" + pane + " px)");
            screenshot("pods-50-fit");
            driver.findElement(By.id("zoom-one")).click();
            long one = (Long) ((JavascriptExecutor) driver).executeScript("return Math.round(document.querySelector('#drawing svg').getBoundingClientRect().width);");
            assertTrue(one > 1500 && one < 4000, "at 1:1 the 50 pods lie in 4 rows (" + one + " px)");
            screenshot("pods-50-actual-size");
        } finally {
            pods.stop();
        }
    }

    static List<String> hotDevices() {
        return driver.findElements(By.cssSelector("#drawing svg g.dev.hot")).stream().map(e -> e.getAttribute("data-id")).toList();
    }
}
