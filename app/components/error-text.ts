/**
 * The resident-facing error pages' words in English. The root layout shows them from here, so an
 * English page carries nothing extra; for another language the root loader sends their
 * translation (content/i18n/<code>/common.yaml, errors.*), which the content check compares with
 * these. Links are written "[words](/path)" for LinkedText.
 */
export const ERROR_PAGE_TEXT = {
  "notFound.metaTitle": "Page not found – Waymark",
  "notFound.title": "Page not found",
  "notFound.typed": "If you typed the web address, check it is correct.",
  "notFound.pasted": "If you pasted the web address, check you copied the entire address.",
  "notFound.next": "You can [check what help you might need](/check), [find local help](/services) or go to the [Waymark home page](/).",
  "serverError.metaTitle": "Sorry, there is a problem with the service – Waymark",
  "serverError.title": "Sorry, there is a problem with the service",
  "serverError.later": "Try again later. Anything you saved before this happened is safe.",
  "serverError.next": "If you need help now, you can [find local help](/services) or go to the [Waymark home page](/).",
};
export type ErrorPageText = typeof ERROR_PAGE_TEXT;
