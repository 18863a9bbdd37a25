import { HtmlValidate } from "html-validate";

/** html-validate's recommended rules, adjusted only where a reason is written down. */
export const htmlValidator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // Phone numbers keep their ordinary hyphen and spaces, so they read and copy as people write
    // them ("019-602 72 54"). The class .phone sets white-space: nowrap, which is what the rule
    // wants: a number that never breaks across lines.
    "tel-non-breaking": ["error", { ignoreClasses: ["phone"] }],
    // The search page's checkboxes of one filter share its name, as HTML sends several values of
    // one name (?land=Norge&land=Danmark); the rule's default allows that for radio buttons only.
    "form-dup-name": ["error", { shared: ["radio", "checkbox", "button", "reset", "submit"] }],
  },
});
