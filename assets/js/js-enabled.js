// Marks the page as having JavaScript, as the NHS.UK template's inline script does, but from a file
// so that the Content-Security-Policy can refuse every inline script.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " nhsuk-frontend-supported" : "");
