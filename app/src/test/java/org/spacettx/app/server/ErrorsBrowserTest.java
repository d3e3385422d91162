package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Errors where the user looks, in the user's language: a refusal of the server is worded from its code in Korean in
 * the Korean console, beside the form that caused it and as a notice at the top of the window (not only in the status
 * line at the bottom of the page); a session ended in another tab is said over the page when the user next acts, and
 * what they typed stays.
 */
@Tag("browser")
class ErrorsBrowserTest {

    static final String PASSWORD = "errors-demo-password";
    static final String EX = "rok-us-space-ttx";
    static final Duration WAIT = Duration.ofSeconds(20);

    static DemoServer demo;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowserTest.requireBrowser();
        demo = DemoServer.ofItsOwn(PASSWORD, true);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void aRefusalIsShownBesideTheFormInKoreanAndAnEndedSessionIsSaid() throws Exception {
        Map<String, String> ko = ConsoleTexts.of("ko");
        WebDriver d = ConsoleBrowserTest.browser();
        try {
            ConsoleBrowserTest.login(d, demo.server().port(), "kor1", PASSWORD);
            new org.openqa.selenium.support.ui.Select(d.findElement(By.id("language"))).selectByValue("ko");
            JavascriptExecutor js = (JavascriptExecutor) d;

            // a message over the server's limit: refused with a code, worded in Korean beside the form and on top
            ConsoleBrowserTest.choose(d, By.id("msg-to"), "usa");
            ConsoleBrowserTest.choose(d, By.id("msg-marking"), "REL TO KOR, USA");
            WebElement body = ConsoleBrowserTest.visible(d, By.id("msg-body"));
            js.executeScript("arguments[0].value = 'x'.repeat(10001);", body);
            ConsoleBrowserTest.click(d, By.cssSelector("#message-form button[type=submit]"));
            WebElement beside = new WebDriverWait(d, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#message-form + .action-error")));
            String korean = "메시지가 10000자를 넘습니다"; // the particle chosen for the word filled in
            assertThat(beside.getText()).isEqualTo(korean);
            WebElement notice = d.findElement(By.id("notice"));
            assertThat(notice.isDisplayed()).isTrue();
            assertThat(notice.getText()).isEqualTo(korean);
            Object inView = js.executeScript("const r = arguments[0].getBoundingClientRect();"
                    + "return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;", notice);
            assertThat(inView).as("the notice is inside the window, wherever the page is scrolled").isEqualTo(true);
            assertThat(d.findElement(By.tagName("body")).getText()).doesNotContain("longer than");
            ConsoleBrowserTest.screenshot(d, "errors-ko-beside-the-form");
            // the next send that goes through takes the error away
            js.executeScript("arguments[0].value = '위성 궤도 자료를 공유합니다';", body);
            ConsoleBrowserTest.click(d, By.cssSelector("#message-form button[type=submit]"));
            new WebDriverWait(d, WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#message-form + .action-error"), 0));

            // signed out in another tab: the next action says the session has ended, over the page, and keeps the text
            String first = d.getWindowHandle();
            d.switchTo().newWindow(WindowType.TAB);
            d.get("http://127.0.0.1:" + demo.server().port() + "/");
            new WebDriverWait(d, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
            new WebDriverWait(d, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
            d.close();
            d.switchTo().window(first);
            js.executeScript("arguments[0].value = '로그아웃 뒤에 쓴 메시지';", body);
            ConsoleBrowserTest.click(d, By.cssSelector("#message-form button[type=submit]"));
            WebElement ended = new WebDriverWait(d, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("session-ended")));
            assertThat(ended.getText()).contains(ko.get("session.ended")).contains(ko.get("session.signIn"));
            assertThat(d.findElement(By.id("msg-body")).getDomProperty("value")).isEqualTo("로그아웃 뒤에 쓴 메시지");
            ConsoleBrowserTest.screenshot(d, "errors-ko-session-ended");
            d.findElement(By.id("session-sign-in")).click();
            new WebDriverWait(d, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-view")));
            assertThat(ended.isDisplayed()).isFalse();
        } finally {
            d.quit();
        }
    }
}
