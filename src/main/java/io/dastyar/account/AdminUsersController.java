package io.dastyar.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The admin page that lists users, adds agents and admins, and changes the names they are shown by. */
@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

    /** A new display name for one user. */
    record Rename(@NotBlank @Size(max = 128) String displayName) {
    }

    private final Accounts accounts;

    AdminUsersController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("newUser")) {
            model.addAttribute("newUser", new NewUser("", "", "", Role.AGENT));
        }
        return page(model);
    }

    @PostMapping
    String add(@Validated @ModelAttribute("newUser") NewUser newUser, BindingResult errors, Model model,
               RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                accounts.create(newUser);
                redirect.addFlashAttribute("added", newUser.username());
                return "redirect:/admin/users";
            } catch (Accounts.UsernameTakenException e) {
                errors.rejectValue("username", "taken", new Object[] {newUser.username()}, e.getMessage());
            }
        }
        return page(model);
    }

    @PostMapping("/{id}/display-name")
    String rename(@PathVariable long id, @Validated @ModelAttribute("rename") Rename rename, BindingResult errors,
                  RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("renameFailed", id);
            return "redirect:/admin/users";
        }
        accounts.rename(new UserId(id), rename.displayName())
                .ifPresent(account -> redirect.addFlashAttribute("renamed", account.username()));
        return "redirect:/admin/users";
    }

    private String page(Model model) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("roles", Role.values());
        return "admin/users";
    }
}
