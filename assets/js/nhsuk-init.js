// Starts the NHS.UK design system's components (the header's "More" menu, the error summary, conditional
// questions...), as the NHS.UK page template does with an inline script. The design system's module is
// named by the page (data-nhsuk-frontend), so production serves it by its hashed name.
const script = document.querySelector("script[data-nhsuk-frontend]");
const { initAll } = await import(script.dataset.nhsukFrontend);
initAll();
